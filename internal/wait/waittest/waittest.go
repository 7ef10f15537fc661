// Package waittest helps test waits: a clock that moves only when a wait
// sleeps, and the exact schedule of a simulated operation.
package waittest

import (
	"context"
	"sync"
	"time"

	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

// Clock is a wait.Clock that jumps forward by whatever a wait sleeps, so an
// hour-long wait takes no time and every poll falls exactly on schedule.
// Servers that read it (an emulator's Now) see the same jumps.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock is a Clock at start.
func NewClock(start time.Time) *Clock { return &Clock{now: start} }

// Now is the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// After moves the clock forward by d and returns a channel that is ready.
func (c *Clock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(max(d, 0))
	ch := make(chan time.Time, 1)
	ch <- c.now
	return ch
}

// operation is what Simulate follows: it has ended once done.
type operation struct{ done bool }

var simulated = wait.Kind[operation]{
	Name:     "simulated operation",
	ID:       func(operation) string { return "simulated" },
	Status:   func(o operation) string { return map[bool]string{false: "running", true: "done"}[o.done] },
	Terminal: func(status string) bool { return status == "done" },
	Known:    func(string) bool { return true },
}

// Simulate waits, on a Clock, for an operation that ends after length, with
// the schedule's offset drawn at jitter (0 to 1), and returns how many
// times it was polled and how long after it ended the wait saw it. Tests
// and the benchmark use it to state the schedule's exact figures.
func Simulate(length, capInterval time.Duration, jitter float64) (polls int, lag time.Duration) {
	return SimulateSteady(length, capInterval, 0, jitter)
}

// SimulateSteady is Simulate with polls a second apart up to steady.
func SimulateSteady(length, capInterval, steady time.Duration, jitter float64) (polls int, lag time.Duration) {
	clock := NewClock(time.Unix(0, 0))
	start := clock.Now()
	get := func(context.Context) (operation, error) {
		polls++
		return operation{done: clock.Now().Sub(start) >= length}, nil
	}
	_, _ = wait.For(context.Background(), simulated, operation{}, get,
		wait.Options[operation]{Cap: capInterval, Start: start, Clock: clock, Steady: steady, Jitter: func() float64 { return jitter }})
	return polls, clock.Now().Sub(start) - length
}

// Advance moves the clock forward by d, as if that much time had passed.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}
