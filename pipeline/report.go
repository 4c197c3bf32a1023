package pipeline

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/claimdex/claimdex/corpus/fetch"
)

// Report tells what an ingest run did with every document it found.
// Read = Added + Unchanged + Replaced + len(Duplicates) + len(Failures).
type Report struct {
	Read      int // documents found and handled, whatever their outcome
	Added     int // new documents written
	Unchanged int // documents already indexed with the same content: skipped
	Replaced  int // documents whose old claims were replaced by new ones
	// Duplicates are documents whose content is already indexed under
	// another location, in walk order.
	Duplicates []Duplicate
	// Failures are the documents that could not be ingested, in walk order.
	Failures []Failure
	// Capped are the documents that held more claims than
	// Config.MaxClaims: only their first claims were indexed.
	Capped      []Capped
	Claims      int // claims written by this run
	Elapsed     time.Duration
	DocsPerSec  float64
	Interrupted bool // the run was cancelled before every input was handled
	// Fetch is what the fetcher did, when some inputs were remote; nil
	// otherwise. Its pages are also counted above as documents.
	Fetch *fetch.Stats
	// Crosscheck is the cross-source analysis run after the ingest, when
	// the caller ran one (see Crosscheck); nil otherwise.
	Crosscheck *CrosscheckReport
	// Stages is where the ingest spent its time (the analysis's is in
	// Crosscheck.Elapsed).
	Stages Stages
}

// Stages is the time an ingest spent in each stage, summed over the
// goroutines that ran it: with several workers, Read+Clean+Extract may
// exceed Elapsed. Index is the single writer's time in Bleve (claims
// analysed and batches applied), which bounds the run when it nears
// Elapsed.
type Stages struct {
	Read    time.Duration // reading local files
	Clean   time.Duration // corpus.Clean
	Extract time.Duration // claims and the document's profile
	Index   time.Duration // index writer: Put and Flush
}

// Failure is a document that could not be ingested and why.
type Failure struct {
	Location string `json:"location"`
	Reason   string `json:"reason"`
}

// Capped is a document whose claims were cut at the cap.
type Capped struct {
	Location string `json:"location"`
	Claims   int    `json:"claims"` // the claims kept: the cap
}

// Duplicate is a document whose content is already indexed at Of.
type Duplicate struct {
	Location string `json:"location"`
	Of       string `json:"duplicate_of"`
}

// Failed is the number of documents that failed.
func (r *Report) Failed() int { return len(r.Failures) }

func (r *Report) finish(elapsed time.Duration) {
	r.Elapsed = elapsed
	if s := elapsed.Seconds(); s > 0 {
		r.DocsPerSec = float64(r.Read) / s
	}
}

// reportJSON is the JSON form of a Report; its field names are part of the
// command-line contract (claimdex ingest --format json).
type reportJSON struct {
	Read        int         `json:"read"`
	Added       int         `json:"added"`
	Unchanged   int         `json:"unchanged"`
	Replaced    int         `json:"replaced"`
	Duplicates  []Duplicate `json:"duplicates"`
	Failed      int         `json:"failed"`
	Failures    []Failure   `json:"failures"`
	Capped      []Capped    `json:"capped"`
	Claims      int         `json:"claims"`
	Elapsed     float64     `json:"elapsed_seconds"`
	DocsPerSec  float64     `json:"docs_per_sec"`
	Interrupted bool        `json:"interrupted"`
	Fetch       *fetchJSON  `json:"fetch,omitempty"`
	Crosscheck  *crossJSON  `json:"crosscheck,omitempty"`
}

// crossJSON is the JSON form of a CrosscheckReport.
type crossJSON struct {
	Full      bool    `json:"full"`
	Pending   int     `json:"pending_documents"`
	Claims    int     `json:"claims_with_values"`
	Docs      int     `json:"documents"`
	Stories   int     `json:"stories"`
	Groups    int     `json:"groups"`
	Conflicts int     `json:"conflicts"`
	Updated   int     `json:"updated"`
	Elapsed   float64 `json:"elapsed_seconds"`
}

// fetchJSON is the JSON form of fetch.Stats, present only when the run
// fetched something.
type fetchJSON struct {
	Fetched     int64 `json:"fetched"`
	Documents   int64 `json:"documents"`
	NotModified int64 `json:"not_modified"`
	Resumed     int64 `json:"resumed"`
	Failed      int64 `json:"failed"`
	Listings    int64 `json:"listings"`
	Filtered    int64 `json:"filtered"`
	Duplicates  int64 `json:"duplicate_urls"`
	Skipped     int64 `json:"skipped_records"`
	Bytes       int64 `json:"bytes"`
}

// MarshalJSON writes the report with snake_case fields, the elapsed time in
// seconds, and empty lists as [] rather than null.
func (r *Report) MarshalJSON() ([]byte, error) {
	j := reportJSON{
		Read: r.Read, Added: r.Added, Unchanged: r.Unchanged, Replaced: r.Replaced,
		Duplicates: r.Duplicates, Failed: len(r.Failures), Failures: r.Failures, Capped: r.Capped,
		Claims: r.Claims, Elapsed: r.Elapsed.Seconds(), DocsPerSec: r.DocsPerSec,
		Interrupted: r.Interrupted,
	}
	if f := r.Fetch; f != nil {
		j.Fetch = &fetchJSON{
			Fetched: f.Fetched, Documents: f.Documents, NotModified: f.NotModified,
			Resumed: f.Resumed, Failed: f.Failed, Listings: f.Listings, Filtered: f.Filtered,
			Duplicates: f.Duplicates, Skipped: f.Skipped, Bytes: f.Bytes,
		}
	}
	if c := r.Crosscheck; c != nil {
		j.Crosscheck = &crossJSON{
			Full: c.Full, Pending: c.Pending, Claims: c.Claims, Docs: c.Docs, Stories: c.Stories, Groups: c.Groups,
			Conflicts: c.Conflicts, Updated: c.Updated, Elapsed: c.Elapsed.Seconds(),
		}
	}
	if j.Duplicates == nil {
		j.Duplicates = []Duplicate{}
	}
	if j.Failures == nil {
		j.Failures = []Failure{}
	}
	if j.Capped == nil {
		j.Capped = []Capped{}
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes (a report a server sends).
func (r *Report) UnmarshalJSON(b []byte) error {
	var j reportJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*r = Report{
		Read: j.Read, Added: j.Added, Unchanged: j.Unchanged, Replaced: j.Replaced,
		Duplicates: j.Duplicates, Failures: j.Failures, Capped: j.Capped, Claims: j.Claims,
		Elapsed: time.Duration(j.Elapsed * float64(time.Second)), DocsPerSec: j.DocsPerSec,
		Interrupted: j.Interrupted,
	}
	if f := j.Fetch; f != nil {
		r.Fetch = &fetch.Stats{
			Fetched: f.Fetched, Documents: f.Documents, NotModified: f.NotModified,
			Resumed: f.Resumed, Failed: f.Failed, Listings: f.Listings, Filtered: f.Filtered,
			Duplicates: f.Duplicates, Skipped: f.Skipped, Bytes: f.Bytes,
		}
	}
	if c := j.Crosscheck; c != nil {
		r.Crosscheck = &CrosscheckReport{
			Full: c.Full, Pending: c.Pending, Claims: c.Claims, Docs: c.Docs, Stories: c.Stories, Groups: c.Groups,
			Conflicts: c.Conflicts, Updated: c.Updated, Elapsed: time.Duration(c.Elapsed * float64(time.Second)),
		}
	}
	return nil
}

// WriteJSON writes the report as one indented JSON object.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// WriteText writes a summary for people: one line per tally, and one line
// per duplicate and per failure naming its location.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 1, ' ', 0)
	row := func(label string, format string, args ...any) {
		fmt.Fprintf(tw, "%s\t%s\n", label, fmt.Sprintf(format, args...))
	}
	row("read", "%d documents", r.Read)
	row("added", "%d", r.Added)
	row("unchanged", "%d (skipped)", r.Unchanged)
	row("replaced", "%d", r.Replaced)
	row("duplicates", "%d", len(r.Duplicates))
	row("failed", "%d", len(r.Failures))
	row("claims", "%d indexed", r.Claims)
	row("elapsed", "%s (%.1f documents/s)", r.Elapsed.Round(time.Millisecond), r.DocsPerSec)
	if f := r.Fetch; f != nil {
		row("fetched", "%d HTTP responses, %s read (%d not modified, %d resumed without a request)",
			f.Fetched, byteSize(f.Bytes), f.NotModified, f.Resumed)
		row("listings", "%d feeds and sitemaps, %d entries filtered out, %d repeated URLs, %d WARC records skipped",
			f.Listings, f.Filtered, f.Duplicates, f.Skipped)
	}
	if c := r.Crosscheck; c != nil {
		scope := fmt.Sprintf("%d new or changed documents and the stories they join", c.Pending)
		if c.Full {
			scope = "the whole index"
		}
		stories := "stories"
		if c.Stories == 1 {
			stories = "story"
		}
		row("crosscheck", "%d facts stated by several origins, %d with disagreement (claimdex conflicts); %d documents in %d %s analysed (%s) in %s",
			c.Groups, c.Conflicts, c.Docs, c.Stories, stories, scope, c.Elapsed.Round(time.Millisecond))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, d := range r.Duplicates {
		fmt.Fprintf(&b, "duplicate: %s: same content as %s\n", d.Location, d.Of)
	}
	for _, f := range r.Failures {
		fmt.Fprintf(&b, "failed: %s: %s\n", f.Location, f.Reason)
	}
	for _, c := range r.Capped {
		fmt.Fprintf(&b, "capped: %s: more claims than the cap; the first %d indexed (--max-claims)\n", c.Location, c.Claims)
	}
	if r.Interrupted {
		b.WriteString("interrupted: the run stopped before every input was handled; what is counted above is in the index\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// byteSize writes a byte count for people: 512 B, 3.4 MB.
func byteSize(n int64) string {
	const unit = 1000
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %cB", float64(n)/float64(div), "kMGTPE"[exp])
}
