package wait

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// fakeClock advances only when the wait sleeps.
type fakeClock = simulatedClock

func simulate(t *testing.T, duration, capInterval time.Duration, j float64) (int, time.Duration) {
	t.Helper()
	polls, lag := Simulate(duration, capInterval, j)
	if polls > 10000 || lag < 0 {
		t.Fatalf("job of %s: %d polls, lag %s", duration, polls, lag)
	}
	return polls, lag
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

// TestLagBound checks the lag for jobs of many lengths, whole seconds or
// not: at most 10 % of the length, or the first interval, and the cap.
func TestLagBound(t *testing.T) {
	for _, capInterval := range []time.Duration{5 * time.Second, DefaultCap} {
		for l := 300 * time.Millisecond; l < 20*time.Minute; l = l*21/20 + 37*time.Millisecond {
			_, lag := simulate(t, l, capInterval, 0.5)
			bound := min(max(MinInterval+maxOffset, l/10), capInterval+maxOffset)
			if lag > bound {
				t.Errorf("job of %s with cap %s: lag %s > %s", l, capInterval, lag, bound)
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
	job, err := For(context.Background(), Job, &mintlify.AgentJob{ID: "j", Status: mintlify.StatusActive},
		func(context.Context) (*mintlify.AgentJob, error) {
			s := statuses[min(i, len(statuses)-1)]
			i++
			return &mintlify.AgentJob{ID: "j", Status: s}, nil
		}, Options[*mintlify.AgentJob]{Clock: clock})
	if err != nil || job.Status != mintlify.StatusCompleted || i != 3 {
		t.Fatalf("got %v, %q after %d polls; want completed after 3", err, job.Status, i)
	}
}

func TestTransientErrorsKeepWaitingOthersStop(t *testing.T) {
	clock := &fakeClock{now: time.Unix(0, 0)}
	calls := 0
	job, err := For(context.Background(), Job, &mintlify.AgentJob{ID: "j", Status: mintlify.StatusActive},
		func(context.Context) (*mintlify.AgentJob, error) {
			calls++
			if calls < 3 {
				return nil, &mintlify.APIError{StatusCode: 503}
			}
			return &mintlify.AgentJob{ID: "j", Status: mintlify.StatusFailed}, nil
		}, Options[*mintlify.AgentJob]{Clock: clock})
	if err != nil || job.Status != mintlify.StatusFailed {
		t.Fatalf("after two 503s: %v, %q; want the failed job", err, job.Status)
	}

	_, err = For(context.Background(), Job, &mintlify.AgentJob{ID: "j", Status: mintlify.StatusActive},
		func(context.Context) (*mintlify.AgentJob, error) {
			return nil, &mintlify.UnauthorizedError{APIError: &mintlify.APIError{StatusCode: 401}}
		}, Options[*mintlify.AgentJob]{Clock: clock})
	var unauthorized *mintlify.UnauthorizedError
	if !errors.As(err, &unauthorized) {
		t.Fatalf("a 401 while waiting: %v; want it returned at once", err)
	}
}

func TestCancelReturnsLastJob(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	job, err := For(ctx, Job, &mintlify.AgentJob{ID: "j", Status: mintlify.StatusActive},
		func(context.Context) (*mintlify.AgentJob, error) {
			t.Fatal("polled after cancel")
			return nil, nil
		}, Options[*mintlify.AgentJob]{})
	if !errors.Is(err, context.Canceled) || job.ID != "j" {
		t.Fatalf("got %v, %+v; want context.Canceled and the last job", err, job)
	}
}

// BenchmarkSchedule waits for a ten-minute job on the simulated clock: the
// poller's own cost per job, without the API.
func BenchmarkSchedule(b *testing.B) {
	for b.Loop() {
		Simulate(10*time.Minute, DefaultCap, 0.5)
	}
}

// TestDeploymentWait follows a deployment through its statuses: queued and
// in_progress go on, success ends it, and each change is reported once.
func TestDeploymentWait(t *testing.T) {
	clock := &fakeClock{now: time.Unix(0, 0)}
	statuses := []string{mintlify.DeploymentQueued, mintlify.DeploymentInProgress, "building", mintlify.DeploymentSuccess}
	i := 0
	var changes []string
	d, err := For(context.Background(), Deployment, &mintlify.Deployment{ID: "d", Status: mintlify.DeploymentQueued},
		func(context.Context) (*mintlify.Deployment, error) {
			s := statuses[min(i, len(statuses)-1)]
			i++
			return &mintlify.Deployment{ID: "d", Status: s}, nil
		}, Options[*mintlify.Deployment]{Clock: clock, OnChange: func(_ context.Context, d *mintlify.Deployment) {
			changes = append(changes, d.Status)
		}})
	want := []string{mintlify.DeploymentInProgress, "building", mintlify.DeploymentSuccess}
	if err != nil || d.Status != mintlify.DeploymentSuccess || i != 4 || strings.Join(changes, ",") != strings.Join(want, ",") {
		t.Fatalf("got %v, %q after %d polls, changes %q; want success after 4, changes %q", err, d.Status, i, changes, want)
	}
}
