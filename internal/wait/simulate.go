package wait

import (
	"context"
	"time"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// simulatedClock advances only when the wait sleeps.
type simulatedClock struct{ now time.Time }

func (c *simulatedClock) Now() time.Time { return c.now }

func (c *simulatedClock) After(d time.Duration) <-chan time.Time {
	c.now = c.now.Add(d)
	ch := make(chan time.Time, 1)
	ch <- c.now
	return ch
}

// Simulate waits, on a simulated clock, for a job that ends after length,
// with the schedule's offset drawn at jitter (0 to 1), and returns how many
// times it was polled and how long after it ended the wait saw it. Tests and
// the benchmark use it to state the schedule's exact figures.
func Simulate(length, capInterval time.Duration, jitter float64) (polls int, lag time.Duration) {
	clock := &simulatedClock{now: time.Unix(0, 0)}
	start := clock.now
	get := func(context.Context) (*mintlify.AgentJob, error) {
		polls++
		status := mintlify.StatusActive
		if clock.now.Sub(start) >= length {
			status = mintlify.StatusCompleted
		}
		return &mintlify.AgentJob{ID: "simulated", Status: status}, nil
	}
	_, _ = For(context.Background(), Job, &mintlify.AgentJob{ID: "simulated", Status: mintlify.StatusActive}, get,
		Options[*mintlify.AgentJob]{Cap: capInterval, Start: start, Clock: clock, Jitter: func() float64 { return jitter }})
	return polls, clock.now.Sub(start) - length
}
