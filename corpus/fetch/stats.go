package fetch

import "sync/atomic"

// Stats counts what the Fetcher did, over all its runs.
type Stats struct {
	// Fetched: HTTP responses received for pages and listings (304s too).
	Fetched int64
	// Documents: pages delivered as Items with Data.
	Documents int64
	// NotModified: pages found unchanged (304 or same content hash).
	NotModified int64
	// Resumed: pages skipped without a request because the interrupted
	// run being resumed had delivered them.
	Resumed int64
	// Failed: Items with Err.
	Failed int64
	// Listings: feeds and sitemaps expanded.
	Listings int64
	// Filtered: entries dropped by Since, Lang or Hosts.
	Filtered int64
	// Duplicates: URLs met again in the same run (after canonicalisation
	// or redirects).
	Duplicates int64
	// Skipped: WARC records that are not HTML pages (images, redirects,
	// errors captured by the crawler): not documents, not failures.
	Skipped int64
	// Bytes: body bytes received (as sent, before gzip decompression).
	Bytes int64
	// Queued: URLs waiting in host queues, not yet fetched: it rises as a
	// sitemap or feed is expanded and falls to 0 as the run ends (or is
	// cancelled). With Documents+NotModified+Failed per second, a caller
	// can show an ETA for a sitemap run.
	Queued int64
}

type counters struct {
	fetched, documents, notModified, resumed, failed atomic.Int64
	listings, filtered, duplicates, skipped, bytes   atomic.Int64
	queued                                           atomic.Int64
}

// Stats returns the counts so far; safe during Run.
func (f *Fetcher) Stats() Stats {
	c := &f.stats
	return Stats{
		Fetched: c.fetched.Load(), Documents: c.documents.Load(),
		NotModified: c.notModified.Load(), Resumed: c.resumed.Load(),
		Failed: c.failed.Load(), Listings: c.listings.Load(),
		Filtered: c.filtered.Load(), Duplicates: c.duplicates.Load(),
		Skipped: c.skipped.Load(), Bytes: c.bytes.Load(),
		Queued: c.queued.Load(),
	}
}
