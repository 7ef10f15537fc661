package mintlify

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// bodyTransport answers every request with a fixed status and body, without
// a network, so the fuzzer can drive the decoder quickly.
type bodyTransport struct {
	status int
	header string
	body   []byte
}

func (b bodyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	h := http.Header{}
	h.Set("Retry-After", b.header)
	return &http.Response{
		StatusCode: b.status, Header: h, Request: req,
		Body: http.NoBody, ContentLength: int64(len(b.body)),
	}, nil
}

// FuzzDecodeJob feeds arbitrary answers to GetJob and CreateJob: they must
// never panic, and must return either a job or a typed error.
func FuzzDecodeJob(f *testing.F) {
	seeds := []string{
		`{"id":"j","status":"active","source":{"repository":"r","ref":null},"model":"m","prLink":null,"createdAt":"2026-01-01T00:00:00.000Z","archivedAt":null}`,
		`{"id":"j","status":"completed","prLink":"https://github.com/o/r/pull/1"}`,
		`{"error":"Job not found"}`, `<html>502</html>`, ``, `{"id":`, `null`, `[]`, `{"createdAt":"yesterday"}`,
		`{"id":1}`, `{"source":"x"}`, "\xff\xfe",
	}
	for _, s := range seeds {
		for _, status := range []int{200, 201, 404, 429, 500} {
			f.Add(status, "1", []byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, status int, retryAfter string, body []byte) {
		if status < 100 || status > 599 {
			return
		}
		c, err := New(Config{
			BaseURL: "http://127.0.0.1:1", APIKey: "k", MaxRetries: -1,
			Transport: &replayTransport{bodyTransport{status: status, header: retryAfter, body: body}},
		})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		for _, call := range []func() (*AgentJob, error){
			func() (*AgentJob, error) { return c.GetJob(ctx, "p", "j") },
			func() (*AgentJob, error) { return c.CreateJob(ctx, "p", "prompt") },
		} {
			job, err := call()
			if (job == nil) == (err == nil) {
				t.Fatalf("HTTP %d %q: job %v and error %v", status, body, job, err)
			}
			var api *APIError
			var decode *DecodeError
			if err != nil && !errors.As(err, &api) && !errors.As(err, &decode) {
				t.Fatalf("HTTP %d %q: untyped error %v", status, body, err)
			}
			if job != nil && (status < 200 || status > 299 || job.ID == "") {
				t.Fatalf("HTTP %d %q: accepted job %+v", status, body, job)
			}
		}
	})
}

// replayTransport sets a fresh body reader on each answer.
type replayTransport struct{ bodyTransport }

func (r *replayTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, _ := r.bodyTransport.RoundTrip(req)
	resp.Body = readCloser{strings.NewReader(string(r.body))}
	resp.Header.Set("Content-Length", strconv.Itoa(len(r.body)))
	return resp, nil
}

type readCloser struct{ *strings.Reader }

func (readCloser) Close() error { return nil }
