package corpus

import "flag"

// update rewrites the golden files under testdata/ instead of comparing
// with them: go test ./corpus -run Golden -update. Shared by the text and
// HTML cleaners' golden tests.
var update = flag.Bool("update", false, "rewrite golden files in testdata/")
