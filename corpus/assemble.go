package corpus

// TEMPORARY contract for the two corpus helpers (text and HTML). The text
// helper owns this file and replaces the stubs with real code.

// normalizeText prepares one block's text: Unicode NFC, every space-like
// rune (NBSP, thin space, tabs, newlines) to one ASCII space, Unicode dashes
// and non-breaking hyphens to ASCII where they join words ("20‑point" ->
// "20-point"), curly quotes kept, missing spaces after sentence punctuation
// repaired ("peace.Kremlin" -> "peace. Kremlin"; "U.S." and "5.NATO" left
// sensible), invalid UTF-8 repaired; trimmed.
func normalizeText(s string) string { panic("TODO") }

// isBoilerplate reports whether a block of the given kind and text is page
// furniture that must never become a claim: engagement prompts ("Share your
// thoughts below", "Join the conversation", "Questions for readers: ..."),
// newsletter and cookie boxes, share bars, "Continue following this page",
// "For ongoing coverage, follow ...", bylines and photo credits, "Table of
// Contents". Shared by the text and HTML cleaners.
func isBoilerplate(kind BlockKind, text string) bool { panic("TODO") }

// assemble fills doc.Text, each block's Start/End and Section, doc.ID (from
// doc.Location) and doc.Hash (from title and text), dropping empty blocks and
// collapsing a block that repeats the one before it. Both cleaners end with it.
func assemble(doc *Document, blocks []Block) { panic("TODO") }
