// Package wait polls a long-running operation (an agent job, a deployment,
// an export) until it ends. It knows nothing of the API: a Kind says how to
// read an operation's status, and the caller how to get it.
package wait

import (
	"context"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// The poll schedule is a pure function of the age a of the operation (a
// job, say: what is said of jobs here holds for every kind), the time since
// the request that started it was sent, and the cap c (the resource's
// poll_interval). The
// polls fall at ages
//
//	a1 = 1 s + φ,   a(k+1) = a(k) + clamp(a(k)/10, 1 s, c)
//
// so the provider learns that a job ended within max(1 s, 10 % of its age),
// and never later than c. Polls per job, for the default 30 s cap: one a
// second up to 10 s (10 polls), then each 10 % after the last, a factor of
// 1.1, so ln(a/10 s)/ln(1.1) more up to a = 10c (19 to 60 s, 23 to 300 s),
// then one every c. That gives, exactly (TestScheduleTargets):
//
//	job of 2 s:  2 polls, lag φ     job of 60 s:   29 polls, lag 1.3-1.9 s
//	job of 10 s: 10 polls, lag φ    job of 10 min: 56 polls, lag 10-13 s
//
// and for a job of any length L, a lag of at most max(1 s + φ, L/10, c)
// (TestLagBound). The fixed 5 s loop in Mintlify's docs makes 2, 3, 13 and
// 121 polls for those jobs, with up to 5 s of lag.
//
// Polls are scheduled by age, not by sleeping an interval after each answer,
// so slow answers do not push the schedule back.
//
// φ is a small random offset (20 to 120 ms). It spreads jobs created in the
// same instant, so 100 jobs do not poll in lockstep, and it puts each poll
// just after a whole second of age: for a job whose length is random that
// changes nothing (the lag is uniform below 1 s either way), and a job timed
// in whole seconds, as emulated ones are, is seen about φ after it ends.
const (
	MinInterval = time.Second
	DefaultCap  = 30 * time.Second
	// GatingSteady is the Steady of what a pipeline waits on, often for less
	// than a minute (deployments, exports): each is seen within a second of
	// its end for its first 20 s, for a few more polls than the plain
	// schedule makes.
	GatingSteady = 20 * time.Second
	// maxConsecutiveErrors ends a wait the API keeps failing, each failure
	// already retried by the client.
	maxConsecutiveErrors = 10
)

// Jitter bounds of the schedule's offset φ.
const (
	minOffset = 20 * time.Millisecond
	maxOffset = 120 * time.Millisecond
)

// Interval is the time from a poll at age to the next one.
func Interval(age, capInterval time.Duration) time.Duration {
	if capInterval < MinInterval {
		capInterval = MinInterval
	}
	return min(max(age/10, MinInterval), capInterval)
}

// Clock is the time source of a wait; tests use a fake one.
type Clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

type realClock struct{}

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// RealClock is the wall clock.
var RealClock Clock = realClock{}

// Kind says how to follow one kind of operation: its name in logs, how to
// read its id and status, and which statuses end it.
type Kind[T any] struct {
	Name     string
	ID       func(T) string
	Status   func(T) string
	Terminal func(status string) bool
	Known    func(status string) bool
}

// Options tune a wait. The zero value waits with DefaultCap on the real
// clock, and ends at the first failed read.
type Options[T any] struct {
	// Cap is the longest interval between two polls.
	Cap time.Duration
	// Start is when the operation was requested; its age counts from here.
	Start time.Time
	// OnChange is called with what was read each time its status changes.
	OnChange func(ctx context.Context, current T)
	// Steady is the age up to which polls come MinInterval apart, for
	// operations that are often short and worth noticing at once; until 10
	// s of age they do anyway.
	Steady time.Duration
	// Transient reports whether a failed read may succeed at a later poll.
	Transient func(error) bool
	Clock     Clock
	// Jitter returns a number in [0, 1); rand.Float64 when nil.
	Jitter func() float64
}

// For polls with get until the status of what it reads is terminal for
// kind, and returns the last one seen. It returns early, with the last one
// seen and an error, when ctx ends (a timeout or a cancel) or the API fails
// in a way polling again cannot fix. An unknown status does not end the
// wait: the API may add one.
func For[T any](ctx context.Context, kind Kind[T], current T, get func(context.Context) (T, error), opts Options[T]) (T, error) {
	clock := opts.Clock
	if clock == nil {
		clock = RealClock
	}
	jitter := opts.Jitter
	if jitter == nil {
		jitter = rand.Float64
	}
	start := opts.Start
	if start.IsZero() {
		start = clock.Now()
	}
	capInterval := opts.Cap
	if capInterval <= 0 {
		capInterval = DefaultCap
	}
	id := kind.ID(current)
	ctx = tflog.SetField(ctx, "id", id)
	ctx = tflog.SetField(ctx, "kind", kind.Name)
	warnedUnknown := false
	failures := 0
	target := MinInterval + minOffset + time.Duration(jitter()*float64(maxOffset-minOffset))
	for status := kind.Status(current); !kind.Terminal(status); status = kind.Status(current) {
		if !warnedUnknown && !kind.Known(status) {
			warnedUnknown = true
			tflog.Warn(ctx, "Status this provider does not know; waiting on as if it were not finished", map[string]any{"status": status})
		}
		age := clock.Now().Sub(start)
		target = max(target, age)
		select {
		case <-ctx.Done():
			return current, ctx.Err()
		case <-clock.After(target - age):
		}
		if target < opts.Steady {
			target += MinInterval
		} else {
			target += Interval(target, capInterval)
		}
		next, err := get(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return current, ctx.Err()
			}
			failures++
			if opts.Transient == nil || !opts.Transient(err) || failures >= maxConsecutiveErrors {
				return current, fmt.Errorf("reading %s %s: %w", kind.Name, id, err)
			}
			tflog.Warn(ctx, "Reading the status failed; polling again", map[string]any{"error": err.Error(), "failures": failures})
			continue
		}
		failures = 0
		if to := kind.Status(next); to != status {
			tflog.Info(ctx, "Status changed", map[string]any{"from": status, "to": to, "age": clock.Now().Sub(start).String()})
			if opts.OnChange != nil {
				opts.OnChange(ctx, next)
			}
		}
		current = next
	}
	return current, nil
}
