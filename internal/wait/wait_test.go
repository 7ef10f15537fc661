package wait_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait/waittest"
)

// task is an operation the tests follow: an id and a status.
type task struct{ id, status string }

var taskKind = wait.Kind[task]{
	Name:     "task",
	ID:       func(t task) string { return t.id },
	Status:   func(t task) string { return t.status },
	Terminal: func(s string) bool { return s == "done" || s == "failed" },
	Known:    func(s string) bool { return s == "queued" || s == "running" || s == "done" || s == "failed" },
}

// errUnavailable and errRefused are a read that may succeed later and one
// that will not.
var (
	errUnavailable = errors.New("503")
	errRefused     = errors.New("401")
)

func transient(err error) bool { return errors.Is(err, errUnavailable) }

// statuses answers each poll with the next status, the last one from then on.
func statuses(polls *int, list ...string) func(context.Context) (task, error) {
	return func(context.Context) (task, error) {
		s := list[min(*polls, len(list)-1)]
		*polls++
		return task{id: "t", status: s}, nil
	}
}

func newClock() *waittest.Clock { return waittest.NewClock(time.Unix(0, 0)) }

func simulate(t *testing.T, duration, capInterval time.Duration, j float64) (int, time.Duration) {
	t.Helper()
	polls, lag := waittest.Simulate(duration, capInterval, j)
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
		{10 * time.Minute, wait.DefaultCap, 60},
	}
	for _, tc := range cases {
		for _, j := range []float64{0, 0.5, 0.999} {
			polls, lag := simulate(t, tc.duration, wait.DefaultCap, j)
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
	for _, capInterval := range []time.Duration{5 * time.Second, wait.DefaultCap} {
		for l := 300 * time.Millisecond; l < 20*time.Minute; l = l*21/20 + 37*time.Millisecond {
			_, lag := simulate(t, l, capInterval, 0.5)
			bound := min(max(wait.MinInterval+wait.MaxOffset, l/10), capInterval+wait.MaxOffset)
			if lag > bound {
				t.Errorf("job of %s with cap %s: lag %s > %s", l, capInterval, lag, bound)
			}
		}
	}
}

func TestIntervalIsCapped(t *testing.T) {
	if got := wait.Interval(time.Hour, 5*time.Second); got != 5*time.Second {
		t.Errorf("wait.Interval(1h, 5s) = %s, want the cap", got)
	}
	if got := wait.Interval(0, 0); got != wait.MinInterval {
		t.Errorf("wait.Interval(0, 0) = %s, want %s", got, wait.MinInterval)
	}
	if got := wait.Interval(50*time.Second, time.Minute); got != 5*time.Second {
		t.Errorf("wait.Interval(50s, 1m) = %s, want 5s", got)
	}
}

func TestUnknownStatusKeepsWaiting(t *testing.T) {
	polls := 0
	got, err := wait.For(context.Background(), taskKind, task{id: "t", status: "running"}, statuses(&polls, "queued", "thinking", "done"),
		wait.Options[task]{Clock: newClock()})
	if err != nil || got.status != "done" || polls != 3 {
		t.Fatalf("got %v, %q after %d polls; want done after 3", err, got.status, polls)
	}
}

func TestTransientErrorsKeepWaitingOthersStop(t *testing.T) {
	calls := 0
	got, err := wait.For(context.Background(), taskKind, task{id: "t", status: "running"},
		func(context.Context) (task, error) {
			calls++
			if calls < 3 {
				return task{}, errUnavailable
			}
			return task{id: "t", status: "failed"}, nil
		}, wait.Options[task]{Clock: newClock(), Transient: transient})
	if err != nil || got.status != "failed" {
		t.Fatalf("after two 503s: %v, %q; want the failed task", err, got.status)
	}
	for name, opts := range map[string]wait.Options[task]{
		"a refusal":              {Clock: newClock(), Transient: transient},
		"no Transient, an error": {Clock: newClock()},
	} {
		_, err = wait.For(context.Background(), taskKind, task{id: "t", status: "running"},
			func(context.Context) (task, error) { return task{}, errRefused }, opts)
		if !errors.Is(err, errRefused) {
			t.Errorf("%s while waiting: %v; want it returned at once", name, err)
		}
	}
}

func TestCancelReturnsLastJob(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	got, err := wait.For(ctx, taskKind, task{id: "t", status: "running"},
		func(context.Context) (task, error) {
			t.Fatal("polled after cancel")
			return task{}, nil
		}, wait.Options[task]{})
	if !errors.Is(err, context.Canceled) || got.id != "t" {
		t.Fatalf("got %v, %+v; want context.Canceled and the last task", err, got)
	}
}

// TestAgeCountsFromStart waits for an operation requested before the wait
// began: the polls fall by its age, so the first comes at once, not a
// second after the wait started.
func TestAgeCountsFromStart(t *testing.T) {
	clock := newClock()
	start := clock.Now().Add(-5 * time.Second)
	var ages []time.Duration
	polls := 0
	get := statuses(&polls, "running", "running", "done")
	_, err := wait.For(context.Background(), taskKind, task{id: "t", status: "running"}, func(ctx context.Context) (task, error) {
		ages = append(ages, clock.Now().Sub(start))
		return get(ctx)
	}, wait.Options[task]{Clock: clock, Start: start, Jitter: func() float64 { return 0 }})
	want := []time.Duration{5 * time.Second, 6 * time.Second, 7 * time.Second}
	if err != nil || len(ages) != len(want) || ages[0] != want[0] || ages[1] != want[1] || ages[2] != want[2] {
		t.Errorf("polls at ages %v; want %v", ages, want)
	}
}

// BenchmarkSchedule waits for a ten-minute job on the simulated clock: the
// poller's own cost per job, without the API.
func BenchmarkSchedule(b *testing.B) {
	for b.Loop() {
		waittest.Simulate(10*time.Minute, wait.DefaultCap, 0.5)
	}
}

// TestOnChangeReportsEachChange follows an operation through its
// statuses: each change is reported once, an unknown status included.
func TestOnChangeReportsEachChange(t *testing.T) {
	polls := 0
	var changes []string
	got, err := wait.For(context.Background(), taskKind, task{id: "t", status: "queued"},
		statuses(&polls, "queued", "running", "building", "done"),
		wait.Options[task]{Clock: newClock(), OnChange: func(_ context.Context, t task) { changes = append(changes, t.status) }})
	want := []string{"running", "building", "done"}
	if err != nil || got.status != "done" || polls != 4 || strings.Join(changes, ",") != strings.Join(want, ",") {
		t.Fatalf("got %v, %q after %d polls, changes %q; want done after 4, changes %q", err, got.status, polls, changes, want)
	}
}

// TestSteadyPolls: an operation worth noticing at once is polled every
// second up to Steady, so one of 20 s is seen within a second, where the
// plain schedule, at 10 % of its age by then, sees it up to 2 s late.
func TestSteadyPolls(t *testing.T) {
	for _, j := range []float64{0, 0.5, 1} {
		plainPolls, plainLag := waittest.Simulate(20*time.Second, wait.DefaultCap, j)
		polls, lag := waittest.SimulateSteady(20*time.Second, wait.DefaultCap, 20*time.Second, j)
		if lag > wait.MinInterval || polls != 20 || plainLag <= wait.MinInterval || plainPolls != 18 {
			t.Errorf("jitter %.1f: steady %d polls, lag %s; plain %d polls, lag %s; want 20 polls within 1s, and 18 polls later than 1s",
				j, polls, lag, plainPolls, plainLag)
		}
	}
}
