package mintlify_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mintlify/terraform-provider-mintlify/internal/emulator"
	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

func TestStaticExportLifecycle(t *testing.T) {
	emu := emulator.Start(t, emulator.Options{StaticExports: emulator.StaticExportOptions{Queued: 20 * time.Millisecond, Duration: 200 * time.Millisecond}})
	c := newClient(t, emu.URL(), emu.APIKey())
	ctx := context.Background()

	job, err := c.StartStaticExport(ctx, mintlify.StaticExportRequest{Domain: "docs.example.com", Version: "v1", Paths: []string{"index", "guides/start"}})
	if err != nil {
		t.Fatal(err)
	}
	if job.JobID == "" || job.Status != mintlify.StaticExportQueued || job.CreatedAt == nil || job.UpdatedAt == nil {
		t.Fatalf("started job = %+v", job)
	}
	if e, _ := emu.StaticExport(job.JobID); e.Domain != "docs.example.com" || e.Version != "v1" || len(e.Paths) != 2 {
		t.Errorf("the request as the server got it: %+v", e)
	}
	_, err = c.StaticExportBundle(ctx, job.JobID)
	var notReady *mintlify.BundleNotReadyError
	var api *mintlify.APIError
	if !errors.As(err, &notReady) || !errors.As(err, &api) || api.StatusCode != http.StatusConflict || notReady.Message == "" {
		t.Errorf("bundle before completion: %v; want a BundleNotReadyError wrapping the 409", err)
	}
	// Bounded: the job takes 220ms.
	for range 100 {
		if job, err = c.GetStaticExport(ctx, job.JobID); err != nil || mintlify.IsStaticExportTerminal(job.Status) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if err != nil || job.Status != mintlify.StaticExportCompleted || job.Progress != 100 || job.PageCount != 2 || job.Error != "" {
		t.Fatalf("job after polling = %+v, %v; want completed with its 2 pages", job, err)
	}
	first, err := c.StaticExportBundle(ctx, job.JobID)
	if err != nil {
		t.Fatal(err)
	}
	second, err := c.StaticExportBundle(ctx, job.JobID)
	if err != nil {
		t.Fatal(err)
	}
	if first.JobID != job.JobID || first.BundleURL == "" || first.SizeBytes <= 0 || first.ExpiresAt == nil || first.BundleURL == second.BundleURL {
		t.Errorf("bundles %+v and %+v; want two different links to the job's bundle", first, second)
	}

	var notFound *mintlify.NotFoundError
	if _, err := c.GetStaticExport(ctx, "se_unknown"); !errors.As(err, &notFound) {
		t.Errorf("unknown job: %v; want NotFoundError", err)
	}
	if _, err := c.StaticExportBundle(ctx, "se_unknown"); !errors.As(err, &notFound) {
		t.Errorf("bundle of an unknown job: %v; want NotFoundError", err)
	}
	if _, err := c.StartStaticExport(ctx, mintlify.StaticExportRequest{Domain: " "}); err == nil {
		t.Error("blank domain: no error")
	}
	if _, err := c.StartStaticExport(ctx, mintlify.StaticExportRequest{Domain: "https://docs.example.com"}); !errors.As(err, &api) || api.StatusCode != 400 {
		t.Errorf("domain with a scheme: %v; want the API's 400", err)
	}
}

func TestStaticExportFailsAndIsRefused(t *testing.T) {
	emu := emulator.Start(t, emulator.Options{StaticExports: emulator.StaticExportOptions{Queued: 1, Duration: 1}})
	c := newClient(t, emu.URL(), emu.APIKey())
	ctx := context.Background()
	job, err := c.StartStaticExport(ctx, mintlify.StaticExportRequest{Domain: "docs.example.com", Version: "[emulator:fail]"})
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(5 * time.Millisecond)
	if job, err = c.GetStaticExport(ctx, job.JobID); err != nil || job.Status != mintlify.StaticExportFailed || job.Error == "" {
		t.Errorf("failed job = %+v, %v; want failed with its error", job, err)
	}
	var notReady *mintlify.BundleNotReadyError
	if _, err := c.StaticExportBundle(ctx, job.JobID); !errors.As(err, &notReady) {
		t.Errorf("bundle of a failed job: %v; want BundleNotReadyError", err)
	}

	off := emulator.Start(t, emulator.Options{StaticExports: emulator.StaticExportOptions{Disabled: true}})
	var unauthorized *mintlify.UnauthorizedError
	_, err = newClient(t, off.URL(), off.APIKey()).StartStaticExport(ctx, mintlify.StaticExportRequest{Domain: "docs.example.com"})
	if !errors.As(err, &unauthorized) || unauthorized.StatusCode != 403 {
		t.Errorf("static export not enabled: %v; want the 403", err)
	}
}

// A start is a write: sent once after a 500 (the job may exist), again after
// a 429. A bundle is safe to ask again: it is retried like a read.
func TestStaticExportRetryPolicy(t *testing.T) {
	ctx := context.Background()
	emu := emulator.Start(t, emulator.Options{})
	c := newClient(t, emu.URL(), emu.APIKey())
	emu.SetFaults(emulator.Faults{CreateErrorAfterCreate: 1})
	_, err := c.StartStaticExport(ctx, mintlify.StaticExportRequest{Domain: "docs.example.com"})
	if err == nil || !mintlify.MayHaveActed(err) || emu.CountRequests("POST", "/jobs") != 1 || len(emu.StaticExports()) != 1 {
		t.Errorf("500 after starting: %v after %d requests; want one request and 'may have acted'", err, emu.CountRequests("POST", "/jobs"))
	}
	emu.SetFaults(emulator.Faults{Reject429: 1})
	if _, err := c.StartStaticExport(ctx, mintlify.StaticExportRequest{Domain: "docs.example.com"}); err != nil || emu.CountRequests("POST", "/jobs") != 3 {
		t.Errorf("start after a 429: %v after %d requests; want success after 2 more", err, emu.CountRequests("POST", "/jobs"))
	}

	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) < 3 {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		_, _ = w.Write([]byte(`{"jobId":"se_1","bundleUrl":"https://example.com/b.tar.gz","sizeBytes":10,"expiresAt":"2026-01-01T00:00:00Z"}`))
	}))
	defer srv.Close()
	bundle, err := newClient(t, srv.URL, "k").StaticExportBundle(ctx, "se_1")
	if err != nil || calls.Load() != 3 || bundle.SizeBytes != 10 || bundle.ExpiresAt.Text != "2026-01-01T00:00:00Z" {
		t.Errorf("bundle after two 502s: %+v, %v after %d calls; want it after 3", bundle, err, calls.Load())
	}
}

func TestStaticExportStatuses(t *testing.T) {
	for status, want := range map[string][2]bool{
		mintlify.StaticExportQueued: {false, true}, mintlify.StaticExportRunning: {false, true},
		mintlify.StaticExportCompleted: {true, true}, mintlify.StaticExportFailed: {true, true}, "cancelled": {false, false},
	} {
		if got := [2]bool{mintlify.IsStaticExportTerminal(status), mintlify.IsKnownStaticExportStatus(status)}; got != want {
			t.Errorf("%s: terminal, known = %v, want %v", status, got, want)
		}
	}
}
