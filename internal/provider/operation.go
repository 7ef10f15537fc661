package provider

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

// operation is one kind of work Mintlify carries out once it is started:
// an agent job, a deployment, an automation run, an export. T is one as
// the API reports it. Every resource and action of a kind lives the same
// life through a run of it: start exactly once, keep the ID at once, and
// say how it went. What the API can read back is a followable, which a run
// can also wait for; an automation run is only an operation, so nothing
// can wait on one.
type operation[T any] struct {
	kind *kind
	id   func(T) string
	// describe says how one stands, for an action's last progress
	// ("completed, pull request https://...").
	describe func(T) string
}

// followable is an operation the API reads back by its ID, until it ends.
type followable[T any] struct {
	operation[T]
	status   func(T) string
	terminal func(status string) bool
	known    func(status string) bool
	// get reads one by its ID.
	get func(ctx context.Context, c *mintlify.Client, project, id string) (T, error)
	// failedStatus is the status it fails with; failure says what a failed
	// one reports and where to see more.
	failedStatus string
	failure      func(T) string
	// progress says how far one has got, when the API reports more than
	// its status ("42 %, 128 pages"); nil when it does not.
	progress func(T) string
	// steady is the age up to which it is polled every second.
	steady time.Duration
}

// failed reports whether v ended in failure.
func (op *followable[T]) failed(v T) bool { return op.status(v) == op.failedStatus }

// waitKind is how the poller follows one.
func (op *followable[T]) waitKind() wait.Kind[T] {
	return wait.Kind[T]{Name: op.kind.noun, ID: op.id, Status: op.status, Terminal: op.terminal, Known: op.known}
}

// waitSettings say how a run waits: for how long (and which setting says
// so), how far apart it polls, whether it waits at all, and whether a
// failure is accepted.
type waitSettings struct {
	limit        time.Duration
	timeout      string
	cap          time.Duration
	waits        bool
	allowFailure bool
}

// run is one life of an operation, as one apply of a resource or one
// invocation of an action lives it.
type run[T any] struct {
	op       *operation[T]
	data     *providerData
	client   *mintlify.Client
	project  string
	settings waitSettings
	// holder is what keeps the operation once it has started: a resource's
	// state (and how), or nothing, for an action.
	holder holder
	// subject is what the start names besides the project, such as the
	// automation an automation run runs; "" for most kinds.
	subject string
	// seen is told what the API last reported: a resource writes its state.
	seen func(T)
	// progress reports to the user as it goes (actions); nil for resources.
	progress func(format string, args ...any)
	diags    diag.Diagnostics
}

// newRun readies a run of op in the project projectID names (the
// provider's when it is null; none for an unscoped kind). A missing key or
// project is in its diagnostics.
func newRun[T any](d *providerData, op *operation[T], projectID types.String, settings waitSettings, h holder) *run[T] {
	r := &run[T]{op: op, data: d, settings: settings, holder: h}
	if op.kind.unscoped {
		r.client, r.diags = d.keyedClient()
	} else {
		r.client, r.project, r.diags = d.clientFor(projectID)
	}
	return r
}

// situation is where the run stands, about id.
func (r *run[T]) situation(id string) situation {
	s := about(r.op.kind, r.project, id)
	s.holder, s.limit, s.timeout = r.holder, r.settings.limit, r.settings.timeout
	return s
}

// start is launching's first half, for every kind: the one call that
// starts the operation, then the ID is kept at once, whatever happens next.
func (r *run[T]) start(ctx context.Context, l launching[T]) (T, bool) {
	ctx, waited := withRateLimitWaits(ctx)
	v, err := l.start(ctx)
	if err != nil {
		switch {
		case l.failed != nil:
			r.diags.Append(l.failed(ctx, err))
		default:
			s := r.situation(r.subject)
			r.diags.Append(s.couldNotStart(r.data.explain(ctx, err, s), mintlify.MayHaveActed(err)))
		}
		return v, false
	}
	r.record(v)
	started := fmt.Sprintf("Started %s %s", r.op.kind.noun, r.situation(r.op.id(v)).where())
	if l.started != nil {
		started = l.started(v)
	}
	r.report("%s", started)
	tflog.Info(ctx, started, map[string]any{"id": r.op.id(v), "kind": r.op.kind.noun})
	if w := waited.total(); w >= longRateLimitWait {
		r.diags.Append(r.situation(r.op.id(v)).delayedByRateLimit(w, waited.allowance()))
	}
	return v, true
}

// launching is one launch of a kind, made for one resource's Create or one
// action's Invoke: the start, and the steps besides it and the wait.
type launching[T any] struct {
	// prepare runs before the start; false stops the launch (a follow-up
	// first waits for the job's current run to end).
	prepare func(ctx context.Context) bool
	// start sends the one call that starts the operation.
	start func(ctx context.Context) (T, error)
	// failed explains a start that failed, when it started something else
	// than a new operation (a follow-up prompt); nil: couldNotStart.
	failed func(ctx context.Context, err error) diag.Diagnostic
	// started says what started, for an action's progress; nil: "Started
	// <noun> <ID> in project <project>".
	started func(T) string
	// before runs once the operation is kept, before the wait, and even
	// without one (a v1 job reads its event stream).
	before func(ctx context.Context, v T) (T, bool)
	// after runs once the operation has ended well, or started when the run
	// does not wait (the follow-up prompts of a new job).
	after func(ctx context.Context, v T, startedAt time.Time) (T, bool)
}

// launch is the life of what cannot be followed (an automation run):
// start once within the run's time limit, and keep it.
func (r *run[T]) launch(ctx context.Context, l launching[T]) (T, bool) {
	ctx, cancel, ok := r.ready(ctx)
	defer cancel()
	if !ok {
		var none T
		return none, false
	}
	return r.start(ctx, l)
}

// ready bounds ctx by the run's time limit, and reports whether the run may
// start: the arguments it was made of were good.
func (r *run[T]) ready(ctx context.Context) (context.Context, context.CancelFunc, bool) {
	if r.diags.HasError() {
		return ctx, func() {}, false
	}
	ctx, cancel := context.WithTimeout(ctx, r.settings.limit)
	return ctx, cancel, true
}

// followedRun is a run of a followable: one that can wait.
type followedRun[T any] struct {
	*run[T]
	kind *followable[T]
}

// followedRunOf readies a run of op: see newRun.
func followedRunOf[T any](d *providerData, op *followable[T], projectID types.String, settings waitSettings, h holder) *followedRun[T] {
	return &followedRun[T]{run: newRun(d, &op.operation, projectID, settings, h), kind: op}
}

// launch is the life of every resource's Create and every action's Invoke,
// within the run's time limit: prepare, start once, keep the ID, wait
// unless told not to, finish, and report how it stands. It returns the
// last seen, and whether all went well.
func (r *followedRun[T]) launch(ctx context.Context, l launching[T]) (T, bool) {
	var last T
	ctx, cancel, ok := r.ready(ctx)
	defer cancel()
	if !ok || (l.prepare != nil && !l.prepare(ctx)) {
		return last, false
	}
	startedAt := r.data.clock.Now()
	last, ok = r.start(ctx, l)
	if ok && l.before != nil {
		last, ok = l.before(ctx, last)
	}
	if ok && r.settings.waits {
		last, ok = r.wait(ctx, last, startedAt)
	}
	if ok && l.after != nil {
		last, ok = l.after(ctx, last, startedAt)
	}
	if ok && r.op.describe != nil {
		r.report("%s %s: %s", r.op.kind.title(), r.op.id(last), r.op.describe(last))
	}
	return last, ok
}

// wait follows the operation, requested at start, until it ends, telling
// seen and progress of each change, and explains a wait that did not end
// well, its failure included. It returns the last seen, and whether the run
// may go on.
func (r *followedRun[T]) wait(ctx context.Context, current T, start time.Time) (T, bool) {
	return r.follow(ctx, current, start, true)
}

// follow is wait; judged says whether the operation's own failure fails
// the run (a wait before a follow-up only lets the current run end).
func (r *followedRun[T]) follow(ctx context.Context, current T, start time.Time, judged bool) (T, bool) {
	op, id := r.kind, r.op.id(current)
	reached := r.reached(current)
	final, err := wait.For(ctx, op.waitKind(), current, func(ctx context.Context) (T, error) {
		v, err := op.get(ctx, r.client, r.project, id)
		if err != nil {
			return v, err
		}
		if p := r.reached(v); p != reached {
			reached = p
			tflog.Info(ctx, "Progress", map[string]any{"id": id, "kind": op.kind.noun, "progress": p})
			r.record(v)
			r.report("%s %s: %s", op.kind.title(), id, p)
		}
		return v, nil
	}, wait.Options[T]{
		Cap: r.settings.cap, Start: start, Clock: r.data.clock, Transient: mintlify.IsTransient, Steady: op.steady,
		OnChange: func(_ context.Context, v T) {
			r.record(v)
			r.report("%s %s is %s", op.kind.title(), id, op.status(v))
		},
	})
	return final, r.ended(ctx, err, final, judged)
}

// reached is how far v has got, "" when the kind reports no progress.
func (r *followedRun[T]) reached(v T) string {
	if r.kind.progress == nil {
		return ""
	}
	return r.kind.progress(v)
}

// ended explains how following the operation ended, last seen as final:
// the run's timeout or an interrupt (its context), a failed read (err), or
// the operation's own failure, when judged (accepted, with a warning, when
// failures are allowed). It reports whether the run may go on.
func (r *followedRun[T]) ended(ctx context.Context, err error, final T, judged bool) bool {
	s := r.situation(r.op.id(final))
	s.status = r.kind.status(final)
	switch {
	case err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded):
		r.diags.Append(s.timedOut())
	case err != nil && errors.Is(ctx.Err(), context.Canceled):
		r.diags.Append(s.interrupted())
	case err != nil:
		r.diags.Append(s.couldNotFollow(r.data.explain(ctx, err, s)))
	case judged && r.kind.failed(final) && r.settings.allowFailure:
		r.diags.Append(s.failureAccepted(r.kind.failure(final)))
	case judged && r.kind.failed(final):
		r.diags.Append(s.failedError(r.kind.failure(final)))
	}
	return !r.diags.HasError()
}

// record tells seen what the API reported, when the run keeps it.
func (r *run[T]) record(v T) {
	if r.seen != nil {
		r.seen(v)
	}
}

// report tells progress, for an action.
func (r *run[T]) report(format string, args ...any) {
	if r.progress != nil {
		r.progress(format, args...)
	}
}

// refresh reads the operation a resource's state holds, for its Read: it
// warns when one not waited for has failed since the last refresh, and
// removes the resource when Mintlify no longer knows it. It reports
// whether the caller should write what it read.
func (op *followable[T]) refresh(ctx context.Context, d *providerData, client *mintlify.Client, project string, state *rawState,
	diags *diag.Diagnostics) (T, bool) {
	s := about(op.kind, project, state.string("id"))
	v, err := op.get(ctx, client, project, s.id)
	var notFound *mintlify.NotFoundError
	switch {
	case errors.As(err, &notFound):
		diags.Append(s.gone())
		return v, false
	case err != nil:
		diags.Append(s.couldNotRead(d.explain(ctx, err, s)))
		return v, false
	}
	was := state.string("status")
	s.status = op.status(v)
	if was != "" && was != op.failedStatus && s.status == op.failedStatus && !state.bool("allow_failure") {
		diags.Append(s.failedSince(was, op.failure(v)))
	}
	return v, true
}

// read reads one by its ID for a data source, explaining a failed read
// (an ID Mintlify does not know, on the id argument).
func (op *followable[T]) read(ctx context.Context, d *providerData, client *mintlify.Client, project, id string, diags *diag.Diagnostics) (T, bool) {
	s := about(op.kind, project, id)
	v, err := op.get(ctx, client, project, id)
	var notFound *mintlify.NotFoundError
	switch {
	case errors.As(err, &notFound):
		diags.AddAttributeError(idPath, op.kind.title()+" not found", s.notFound(notFound.Message))
	case err != nil:
		diags.Append(s.couldNotRead(d.explain(ctx, err, s)))
	}
	return v, err == nil
}

// longRateLimitWait is how long a start may wait out Mintlify's rate limits
// before the run warns about it: longer than a user would take for the API.
const longRateLimitWait = 10 * time.Second

// rateLimitWaits adds up a call's waits on Mintlify's rate limits, told by
// the client (tellRetryWait) through the call's context.
type rateLimitWaits struct {
	mu    sync.Mutex
	sum   time.Duration
	limit *mintlify.RateLimit
}

type rateLimitWaitsKey struct{}

func withRateLimitWaits(ctx context.Context) (context.Context, *rateLimitWaits) {
	w := &rateLimitWaits{}
	return context.WithValue(ctx, rateLimitWaitsKey{}, w), w
}

// waitedOutRateLimit records a wait on a rate limit for the call of ctx.
func waitedOutRateLimit(ctx context.Context, d time.Duration, limit *mintlify.RateLimit) {
	if w, ok := ctx.Value(rateLimitWaitsKey{}).(*rateLimitWaits); ok {
		w.mu.Lock()
		defer w.mu.Unlock()
		w.sum += d
		w.limit = cmp.Or(limit, w.limit)
	}
}

func (w *rateLimitWaits) total() time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.sum
}

// allowance names the limit waited on.
func (w *rateLimitWaits) allowance() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.limit == nil {
		return "requests"
	}
	return w.limit.Allowance
}
