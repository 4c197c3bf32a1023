package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/claimdex/claimdex/api"
)

// ingest queues a job of URLs (JSON body) or of uploaded documents
// (multipart/form-data). No path from the request is ever opened: URLs
// are fetched, uploads are spooled under names of the server's own.
func (s *Server) ingest(w http.ResponseWriter, r *http.Request, _ params) error {
	if s.stopping.Load() {
		return errorf(http.StatusServiceUnavailable, api.CodeShuttingDown, "the server is stopping")
	}
	mt, mp, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		mt = ""
	}
	now := time.Now().UTC()
	rec := &jobRecord{Job: Job{ID: newID(now), Origin: originAPI, Created: now, Inputs: []string{}}}
	switch mt {
	case "application/json":
		_ = http.NewResponseController(w).SetReadDeadline(time.Now().Add(s.cfg.HandlerTimeout))
		r.Body = http.MaxBytesReader(w, r.Body, MaxJSONBody)
		req, err := decodeIngestRequest(r.Body)
		if err != nil {
			return err
		}
		if len(req.URLs) == 0 {
			return badParam("urls", "no URL given")
		}
		rec.Req = req
	case "multipart/form-data":
		if mp["boundary"] == "" {
			return errorf(http.StatusBadRequest, api.CodeBadBody, "multipart body without a boundary")
		}
		// Uploads take as long as the client's link needs; each read
		// must still progress.
		rc := http.NewResponseController(w)
		r.Body = http.MaxBytesReader(w, r.Body, MaxUploadBody)
		if err := s.spool(rc, multipart.NewReader(r.Body, mp["boundary"]), rec); err != nil {
			_ = os.RemoveAll(filepath.Join(s.jobs.dir, rec.Job.ID))
			return err
		}
	default:
		return errorf(http.StatusUnsupportedMediaType, api.CodeUnsupportedMedia, "send application/json or multipart/form-data, not %q", r.Header.Get("Content-Type"))
	}
	if rec.Req.Origin == originCLI {
		rec.Job.Origin = originCLI
	}
	rec.Job.Inputs = append(rec.Job.Inputs, rec.Req.URLs...)
	for _, f := range rec.Files {
		rec.Job.Inputs = append(rec.Job.Inputs, f.Location)
	}
	if err := s.jobs.add(rec); err != nil {
		_ = os.RemoveAll(filepath.Join(s.jobs.dir, rec.Job.ID))
		return err
	}
	job, _ := s.jobs.get(rec.Job.ID)
	w.Header().Set("Location", "/api/jobs/"+job.ID)
	writeJSON(w, http.StatusAccepted, job)
	return nil
}

// decodeIngestRequest reads and checks an ingest request.
func decodeIngestRequest(r io.Reader) (IngestRequest, error) {
	var req IngestRequest
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return req, errorf(http.StatusRequestEntityTooLarge, api.CodeTooLarge, "request body above %d bytes", mbe.Limit)
		}
		return req, errorf(http.StatusBadRequest, api.CodeBadBody, "request body: %v", err)
	}
	return req, checkIngestRequest(&req)
}

// checkIngestRequest refuses what a job could not run, naming the field.
func checkIngestRequest(req *IngestRequest) error {
	if len(req.URLs) > MaxURLs {
		return badParam("urls", "%d URLs, at most %d", len(req.URLs), MaxURLs)
	}
	for i, raw := range req.URLs {
		u, err := url.Parse(strings.TrimSpace(raw))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return badParam("urls", "entry %d (%q) is not an http(s) URL; the API takes no paths or lists", i, raw)
		}
		req.URLs[i] = u.String()
	}
	for _, d := range []struct{ name, v string }{{"published", req.Published}, {"since", req.Since}} {
		if d.v != "" {
			if _, err := api.ParseDate(d.v, false); err != nil {
				return badParam(d.name, "%v", err)
			}
		}
	}
	if req.MaxClaims < 0 {
		return badParam("max_claims", "must be 1 or more")
	}
	if req.Origin != "" && req.Origin != originCLI {
		return badParam("origin", "want cli or nothing")
	}
	return nil
}

// spool reads a multipart ingest body: a "request" part first (optional),
// then "file" parts, each saved in the job's directory under a name of
// the server's own with the extension of its location (which tells a
// WARC file from a page).
func (s *Server) spool(rc *http.ResponseController, mr *multipart.Reader, rec *jobRecord) error {
	dir := filepath.Join(s.jobs.dir, rec.Job.ID)
	maxFile := s.cfg.Fetch.MaxBytes
	if maxFile <= 0 {
		maxFile = 10 << 20
	}
	for n := 0; ; n++ {
		_ = rc.SetReadDeadline(time.Now().Add(s.cfg.HandlerTimeout))
		part, err := mr.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return uploadError(err)
		}
		switch part.FormName() {
		case "request":
			if n != 0 {
				return errorf(http.StatusBadRequest, api.CodeBadBody, "the request part must come first")
			}
			req, err := decodeIngestRequest(io.LimitReader(part, MaxJSONBody))
			if err != nil {
				return err
			}
			rec.Req = req
		case "file":
			loc := part.FileName()
			if i := len(rec.Files); i < len(rec.Req.Files) {
				loc = rec.Req.Files[i].Location
			}
			if strings.TrimSpace(loc) == "" {
				return badParam("file", "file part %d has no file name", n)
			}
			identity := loc
			if i := len(rec.Files); i < len(rec.Req.Files) && rec.Req.Files[i].Identity != "" {
				identity = rec.Req.Files[i].Identity
			}
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("spool upload: %w", err)
			}
			name := strconv.Itoa(len(rec.Files)) + spoolExt(loc)
			if err := saveCapped(rc, filepath.Join(dir, name), part, maxFile, s.cfg.HandlerTimeout); err != nil {
				return err
			}
			rec.Files = append(rec.Files, spooled{Name: name, Location: loc, Identity: identity})
		default:
			return badParam(part.FormName(), "unknown form field (want request and file)")
		}
	}
	if len(rec.Files) == 0 && len(rec.Req.URLs) == 0 {
		return badParam("file", "no file and no URL given")
	}
	rec.Req.Files = nil // kept as rec.Files
	return nil
}

// saveCapped writes at most limit+1 bytes of r to path: a larger upload is
// kept cut, and the ingest fails it as too large, as it would the file.
func saveCapped(rc *http.ResponseController, path string, r io.Reader, limit int64, step time.Duration) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("spool upload: %w", err)
	}
	buf := make([]byte, 64<<10)
	var n int64
	for {
		_ = rc.SetReadDeadline(time.Now().Add(step))
		k, rerr := r.Read(buf)
		if k > 0 && n <= limit {
			keep := min(int64(k), limit+1-n)
			if _, err := f.Write(buf[:keep]); err != nil {
				f.Close()
				return fmt.Errorf("spool upload: %w", err)
			}
		}
		n += int64(k)
		if errors.Is(rerr, io.EOF) {
			break
		}
		if rerr != nil {
			f.Close()
			return uploadError(rerr)
		}
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("spool upload: %w", err)
	}
	return nil
}

func uploadError(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return errorf(http.StatusRequestEntityTooLarge, api.CodeTooLarge, "upload above %d bytes", mbe.Limit)
	}
	return errorf(http.StatusBadRequest, api.CodeBadBody, "multipart body: %v", err)
}

// spoolExt is the extension a spooled file keeps: the location's, when it
// is a plain one (".html", ".warc.gz").
func spoolExt(loc string) string {
	base := strings.ToLower(filepath.Base(loc))
	ext := filepath.Ext(base)
	if ext == ".gz" {
		ext = filepath.Ext(strings.TrimSuffix(base, ext)) + ext
	}
	if len(ext) > 12 {
		return ""
	}
	for _, r := range ext {
		if !(r == '.' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return ""
		}
	}
	return ext
}

// JobList is the JSON of /api/jobs.
type JobList struct {
	Jobs []Job `json:"jobs"`
}

func (s *Server) listJobs(w http.ResponseWriter, r *http.Request, _ params) error {
	writeJSON(w, http.StatusOK, JobList{Jobs: s.jobs.list()})
	return nil
}

func (s *Server) job(w http.ResponseWriter, r *http.Request, _ params) error {
	id := r.PathValue("id")
	j, ok := s.jobs.get(id)
	if !ok {
		return errorf(http.StatusNotFound, api.CodeNotFound, "no job %q", id)
	}
	writeJSON(w, http.StatusOK, j)
	return nil
}
