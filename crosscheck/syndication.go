package crosscheck

import (
	"hash/fnv"
	"slices"
	"strings"
	"unicode"
)

// Syndication: the same wire story carried by several sites, with small
// edits (a changed headline, a dropped paragraph, a reworded sentence), is
// one origin, not several. Documents are compared by the Jaccard
// similarity of their sets of word shingles, estimated with MinHash so
// that a fingerprint is small and fixed-size whatever the length of the
// text, and candidate pairs are found with LSH banding rather than by
// comparing every pair.

// Fingerprint parameters.
const (
	shingleWords = 4   // words per shingle
	minHashes    = 128 // hash functions in a signature
	lshBands     = 32  // bands of minHashes/lshBands rows each
	// MinShingles is the fewest shingles a text must have to be compared:
	// two one-line texts that happen to be equal are not a syndicated
	// story.
	MinShingles = 12
)

// DefaultSyndicationThreshold is the estimated Jaccard similarity of word
// shingles from which two documents are taken for copies of one story.
// Rewrites of one press release by different newsrooms stay well below;
// a wire story with a new headline and a trimmed paragraph stays above.
const DefaultSyndicationThreshold = 0.6

// Fingerprint is the MinHash signature of a text. The zero value (no
// shingles) is never similar to anything.
type Fingerprint struct {
	Sig      [minHashes]uint32
	Shingles int // distinct shingles hashed
}

// NewFingerprint fingerprints text: lower-cased words (letters and digits
// only, so punctuation and spacing edits do not matter) in overlapping
// runs of shingleWords.
func NewFingerprint(text string) Fingerprint {
	ws := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	var fp Fingerprint
	for i := range fp.Sig {
		fp.Sig[i] = ^uint32(0)
	}
	if len(ws) < shingleWords {
		return fp
	}
	seen := make(map[uint64]struct{}, len(ws))
	for i := 0; i+shingleWords <= len(ws); i++ {
		h := fnv.New64a()
		for _, w := range ws[i : i+shingleWords] {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		x := h.Sum64()
		if _, ok := seen[x]; ok {
			continue
		}
		seen[x] = struct{}{}
		for k := range fp.Sig {
			if v := permute(x, k); v < fp.Sig[k] {
				fp.Sig[k] = v
			}
		}
	}
	fp.Shingles = len(seen)
	return fp
}

// permute is the k-th hash function: a seeded 64-bit mix (splitmix64's
// finaliser), deterministic across runs and machines.
func permute(x uint64, k int) uint32 {
	z := x + uint64(k+1)*0x9E3779B97F4A7C15
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	z ^= z >> 31
	return uint32(z >> 32)
}

// Similarity estimates the Jaccard similarity of the shingle sets of two
// fingerprinted texts; 0 when either is too short to tell.
func (fp Fingerprint) Similarity(o Fingerprint) float64 {
	if fp.Shingles < MinShingles || o.Shingles < MinShingles {
		return 0
	}
	same := 0
	for k := range fp.Sig {
		if fp.Sig[k] == o.Sig[k] {
			same++
		}
	}
	return float64(same) / minHashes
}

// Origins groups documents into origins: documents whose fingerprints are
// at least threshold similar (directly or through a chain of copies) share
// one. It returns the origin of every document id in fps, named by the
// smallest document id of the origin so that the result does not depend
// on map order. A threshold <= 0 means DefaultSyndicationThreshold.
func Origins(fps map[string]Fingerprint, threshold float64) map[string]string {
	if threshold <= 0 {
		threshold = DefaultSyndicationThreshold
	}
	ids := make([]string, 0, len(fps))
	for id := range fps {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	uf := newUnionFind(len(ids))
	// LSH: documents agreeing on every row of some band are candidates.
	rows := minHashes / lshBands
	for b := range lshBands {
		buckets := map[[minHashes / lshBands]uint32][]int{}
		for i, id := range ids {
			fp := fps[id]
			if fp.Shingles < MinShingles {
				continue
			}
			var key [minHashes / lshBands]uint32
			copy(key[:], fp.Sig[b*rows:(b+1)*rows])
			buckets[key] = append(buckets[key], i)
		}
		for _, members := range buckets {
			for x := 1; x < len(members); x++ {
				i, j := members[0], members[x]
				if uf.find(i) == uf.find(j) {
					continue
				}
				if fps[ids[i]].Similarity(fps[ids[j]]) >= threshold {
					uf.union(i, j)
				}
			}
			// Members other than the first are compared with each other
			// only through it; check the rest pairwise when the bucket is
			// small (large buckets are a boilerplate-heavy corner case).
			if len(members) <= 16 {
				for x := 1; x < len(members); x++ {
					for y := x + 1; y < len(members); y++ {
						i, j := members[x], members[y]
						if uf.find(i) != uf.find(j) && fps[ids[i]].Similarity(fps[ids[j]]) >= threshold {
							uf.union(i, j)
						}
					}
				}
			}
		}
	}
	out := make(map[string]string, len(ids))
	for i, id := range ids {
		out[id] = ids[uf.find(i)]
	}
	return out
}

// unionFind is a disjoint-set forest whose root is always the smallest
// member, so set names are deterministic.
type unionFind struct{ parent []int }

func newUnionFind(n int) *unionFind {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	return &unionFind{p}
}

func (u *unionFind) find(i int) int {
	for u.parent[i] != i {
		u.parent[i] = u.parent[u.parent[i]]
		i = u.parent[i]
	}
	return i
}

func (u *unionFind) union(i, j int) {
	a, b := u.find(i), u.find(j)
	if a == b {
		return
	}
	if b < a {
		a, b = b, a
	}
	u.parent[b] = a
}
