// Package fetch brings web inputs into claimdex: http(s) URLs, @FILE lists
// of URLs, RSS 2.0 / Atom / JSON feeds and sitemaps (including sitemap
// indexes and Google News sitemaps), whose entries it follows, and
// .warc / .warc.gz archives such as Common Crawl's CC-NEWS, which it
// streams. It hands raw pages to the pipeline as Items; cleaning them is
// package corpus's job.
//
// # Use
//
//	f, err := fetch.New(cfg)            // cfg from fetch.DefaultConfig()
//	defer f.Close()                      // flushes acknowledgements
//	items := make(chan fetch.Item, 64)
//	go func() { err = f.Run(ctx, inputs, items); close(items) }()
//	for it := range items {
//		switch {
//		case it.Err != nil:      // report it.Location and it.Err
//		case it.NotModified:     // already indexed: count as unchanged
//		default:                 // clean it.Data (charset in it.ContentType),
//			// index it, and once the index writer has flushed it:
//			f.Done(it.Location)
//		}
//	}
//
// IsRemote tells the pipeline which inputs to route here rather than to
// the local file reader.
//
// # Politeness
//
// robots.txt is obeyed (Config.RespectRobots) and its Crawl-delay adopted
// as the host's delay, up to Config.MaxDelay. Requests to one host (scheme,
// host and port) start at least MinDelay apart and at most PerHost at a
// time; Global caps all requests. 5xx, 408, 429, timeouts and dropped
// connections are retried Retries times with exponential backoff and
// jitter; a Retry-After (seconds or HTTP date) holds back the whole host,
// and one above MaxRetryAfter fails the URL instead. Pages above MaxBytes
// are refused from their Content-Length, or after MaxBytes+1 bytes, never
// read whole. Feeds and sitemaps have their own, larger cap
// (MaxListingBytes, 100 MB): a sitemap is parsed token by token as it
// streams in and a feed is handed to gofeed through a capped reader. A
// gzip body (sitemap.xml.gz, recognised by its magic bytes whatever its
// Content-Type) is decompressed as it streams, the cap applying to the
// decompressed size too, so a gzip bomb fails with ErrTooLarge. Redirects are capped at MaxRedirects and a loop fails as soon
// as a URL repeats.
//
// # Content
//
// What a body is comes from its content first, then its Content-Type: a
// feed or sitemap is followed whatever it is served as; an HTML page is a
// document even when served as text/plain or without a type (the sniffed
// type is passed on, keeping a charset the header declared); anything else
// fails with ErrNotHTML (text/plain is accepted with AcceptPlainText).
// Item.ContentType keeps the header's charset so the cleaner decodes, say,
// windows-1252 declared only in HTTP. In WARC files only "response"
// records holding a 2xx HTML page are documents; the rest are skipped
// silently (Stats.Skipped), and WARC-Target-URI is the location.
//
// # URLs
//
// Every URL is canonicalised (see Canonical): lower-case scheme and host,
// no default port, no fragment, no tracking parameters (utm_*, fbclid,
// gclid, mc_cid, ref, ...). A run fetches each canonical URL once, and a
// page reached by a redirect is delivered under its final URL, once.
//
// # State protocol: resumable, no loss, no duplicates
//
// With Config.StatePath the Fetcher keeps a bbolt file mapping each
// canonical URL to the ETag, Last-Modified and content hash of the version
// the index holds, and the run that recorded it. The rules:
//
//  1. A page is recorded only when the consumer calls Done(Item.Location),
//     which it must do after the document is durably indexed (the index
//     writer flushed its batch). A delivered page that was never
//     acknowledged is fetched again next time: nothing is lost.
//  2. A recorded page is fetched with If-None-Match / If-Modified-Since.
//     A 304, or a 200 whose body hashes as the recorded one, yields
//     Item{NotModified: true}: nothing to index again.
//  3. Each Run is numbered in the state and marked complete only when Run
//     returns nil. If it was interrupted (Ctrl-C, kill), the next Run
//     resumes it: pages acknowledged in the interrupted run are not
//     requested at all and come back as NotModified items. Pages fetched
//     but not acknowledged are fetched again.
//  4. Acknowledgements are buffered and written in one fsynced transaction
//     every second, every 256 records, at the end of a run and on Close. A
//     kill can lose at most that window; the cost is a refetch and a
//     re-index, which replaces the document under the same ID rather than
//     duplicating it.
//  5. Failures are never recorded: the next run tries them again.
//  6. The state describes an index: keep it beside the index and delete it
//     with the index. Feeds and sitemaps are always fetched in full, since
//     their value is in what is new.
//
// Without StatePath nothing is remembered and Done only forgets the item.
//
// # Errors
//
// A URL that yields no page is an Item with Err (Item.Location names it)
// wrapping a sentinel: ErrStatus (*StatusError has the code), ErrTooLarge
// (= corpus.ErrTooLarge), ErrRobots, ErrNotHTML (wraps corpus.ErrNotText),
// ErrTimeout, ErrRedirect, ErrRetryAfter, ErrUnsupported or ErrBadWARC, or
// a network error after the retries. Run itself fails only for a state
// file problem or cancellation.
package fetch
