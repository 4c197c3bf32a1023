// Package crosscheck compares the claims of many documents: which figures,
// dates and role holders do independent outlets agree on, and which do
// they state differently.
//
// It sits between extract (which works on one document at a time) and
// index (which stores the results). Analyze is a pure function of the
// claims it is given; documents are first partitioned into stories
// (reports of one event, published close together and naming the same
// people, organisations and figures), and values are only ever compared
// inside a story, so the work grows with the size of stories, not with
// the corpus, and a new document re-analyses only the stories it joins.
package crosscheck
