package wait

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// fakeClock advances only when the wait sleeps, so a ten-minute job is
// waited for in microseconds and its schedule is exact.
type fakeClock struct{ now time.Time }

func (c *fakeClock) Now() time.Time { return c.now }

func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	c.now = c.now.Add(d)
	ch := make(chan time.Time, 1)
	ch <- c.now
	return ch
}

// simulate waits for a job that ends after duration and returns the number
// of polls and the detection lag, with the first interval's jitter at j.
func simulate(t *testing.T, duration, capInterval time.Duration, j float64) (int, time.Duration) {
	t.Helper()
	clock := &fakeClock{now: time.Unix(0, 0)}
	start := clock.now
	polls := 0
	get := func(context.Context) (*mintlify.AgentJob, error) {
		polls++
		if polls > 10000 {
			t.Fatal("wait did not stop")
		}
		status := mintlify.StatusActive
		if clock.now.Sub(start) >= duration {
			status = mintlify.StatusCompleted
		}
		return &mintlify.AgentJob{ID: "j", Status: status}, nil
	}
	job, err := ForJob(context.Background(), &mintlify.AgentJob{ID: "j", Status: mintlify.StatusActive}, get,
		Options{Cap: capInterval, Start: start, Clock: clock, Jitter: func() float64 { return j }})
	if err != nil || job.Status != mintlify.StatusCompleted {
		t.Fatalf("wait ended with %v, %+v", err, job)
	}
	return polls, clock.now.Sub(start) - duration
}

// TestScheduleTargets holds the figures the schedule was designed for: lag
// at most max(1 s, 10 % of the job's age) and never above the cap, with few
// polls, whatever the jitter draws.
func TestScheduleTargets(t *testing.T) {
	cases := []struct {
		duration time.Duration
		maxLag   time.Duration
		maxPolls int
	}{
		{2 * time.Second, time.Second, 3},
		{10 * time.Second, time.Second, 11},
		{60 * time.Second, 6 * time.Second, 30},
		{10 * time.Minute, DefaultCap, 60},
	}
	for _, tc := range cases {
		for _, j := range []float64{0, 0.5, 0.999} {
			polls, lag := simulate(t, tc.duration, DefaultCap, j)
			t.Logf("job %s, jitter %.2f: %d polls, lag %s", tc.duration, j, polls, lag)
			if lag > tc.maxLag || polls > tc.maxPolls {
				t.Errorf("job %s, jitter %.2f: %d polls and lag %s; want at most %d polls and %s", tc.duration, j, polls, lag, tc.maxPolls, tc.maxLag)
			}
		}
	}
}

func TestIntervalIsCapped(t *testing.T) {
	if got := Interval(time.Hour, 5*time.Second); got != 5*time.Second {
		t.Errorf("Interval(1h, 5s) = %s, want the cap", got)
	}
	if got := Interval(0, 0); got != MinInterval {
		t.Errorf("Interval(0, 0) = %s, want %s", got, MinInterval)
	}
	if got := Interval(50*time.Second, time.Minute); got != 5*time.Second {
		t.Errorf("Interval(50s, 1m) = %s, want 5s", got)
	}
}

func TestUnknownStatusKeepsWaiting(t *testing.T) {
	clock := &fakeClock{now: time.Unix(0, 0)}
	statuses := []string{"queued", "thinking", mintlify.StatusCompleted}
	i := 0
	job, err := ForJob(context.Background(), &mintlify.AgentJob{ID: "j", Status: mintlify.StatusActive},
		func(context.Context) (*mintlify.AgentJob, error) {
			s := statuses[min(i, len(statuses)-1)]
			i++
			return &mintlify.AgentJob{ID: "j", Status: s}, nil
		}, Options{Clock: clock})
	if err != nil || job.Status != mintlify.StatusCompleted || i != 3 {
		t.Fatalf("got %v, %q after %d polls; want completed after 3", err, job.Status, i)
	}
}

func TestTransientErrorsKeepWaitingOthersStop(t *testing.T) {
	clock := &fakeClock{now: time.Unix(0, 0)}
	calls := 0
	job, err := ForJob(context.Background(), &mintlify.AgentJob{ID: "j", Status: mintlify.StatusActive},
		func(context.Context) (*mintlify.AgentJob, error) {
			calls++
			if calls < 3 {
				return nil, &mintlify.APIError{StatusCode: 503}
			}
			return &mintlify.AgentJob{ID: "j", Status: mintlify.StatusFailed}, nil
		}, Options{Clock: clock})
	if err != nil || job.Status != mintlify.StatusFailed {
		t.Fatalf("after two 503s: %v, %q; want the failed job", err, job.Status)
	}

	_, err = ForJob(context.Background(), &mintlify.AgentJob{ID: "j", Status: mintlify.StatusActive},
		func(context.Context) (*mintlify.AgentJob, error) {
			return nil, &mintlify.UnauthorizedError{APIError: &mintlify.APIError{StatusCode: 401}}
		}, Options{Clock: clock})
	var unauthorized *mintlify.UnauthorizedError
	if !errors.As(err, &unauthorized) {
		t.Fatalf("a 401 while waiting: %v; want it returned at once", err)
	}
}

func TestCancelReturnsLastJob(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	job, err := ForJob(ctx, &mintlify.AgentJob{ID: "j", Status: mintlify.StatusActive},
		func(context.Context) (*mintlify.AgentJob, error) {
			t.Fatal("polled after cancel")
			return nil, nil
		}, Options{})
	if !errors.Is(err, context.Canceled) || job.ID != "j" {
		t.Fatalf("got %v, %+v; want context.Canceled and the last job", err, job)
	}
}
