package provider

import (
	"context"
	"errors"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

// operation is one kind of work Mintlify carries out after it is started:
// an agent job, a deployment, an export. Every resource and action of a
// kind lives the same life through a run of it: start exactly once, keep
// the ID, wait, then say how it ended. T is the operation as the API
// reports it.
type operation[T any] struct {
	kind
	follow wait.Kind[T]
	// get reads one by its ID.
	get func(ctx context.Context, c *mintlify.Client, project, id string) (T, error)
	// failedStatus is the status it fails with; failure says what a failed
	// one reports and where to see more.
	failedStatus string
	failure      func(T) string
	// refused explains, when it can, an answer that refused a call about
	// one (a 400 or a 404 that has a meaning of its own); "" when not.
	refused func(api *mintlify.APIError, a about) string
	// progress says how far one has got, when the API reports more than
	// its status ("42 %, 128 pages"); nil when it does not.
	progress func(T) string
	// steady is the age up to which it is polled every second.
	steady time.Duration
}

// failed reports whether v ended in failure.
func (op *operation[T]) failed(v T) bool { return op.follow.Status(v) == op.failedStatus }

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
	// seen is told what the API last reported: a resource writes its state.
	seen func(T)
	// progress reports to the user as it goes (actions); nil for resources.
	progress func(format string, args ...any)
	diags    diag.Diagnostics
}

// started keeps what the start call returned: from here on, whatever
// happens, the ID is kept.
func (r *run[T]) started(v T) { r.record(v) }

// startFailed explains a start call that failed; nothing is kept.
func (r *run[T]) startFailed(ctx context.Context, err error) { r.startFailedOn(ctx, err, "") }

// startFailedOn is startFailed for a start that names what it starts from
// (an automation's ID), which the explanation names too.
func (r *run[T]) startFailedOn(ctx context.Context, err error, on string) {
	r.diags.Append(r.op.couldNotStart(r.data.explain(ctx, err, r.about(on)), mintlify.MayHaveActed(err), r.holder))
}

// about is what a call of this run is about, for explaining its errors.
func (r *run[T]) about(id string) about {
	return about{project: r.project, noun: r.op.noun, id: id, timeout: r.settings.timeout, feature: r.op.feature, refused: r.op.refused}
}

// wait follows the operation, requested at start, until it ends, telling
// seen and progress of each change, and explains a wait that did not end
// well, its failure included. It returns the last seen, and whether the run
// may go on.
func (r *run[T]) wait(ctx context.Context, current T, start time.Time) (T, bool) {
	return r.follow(ctx, current, start, true)
}

// follow is wait; judged says whether the operation's own failure fails
// the run (a wait before a follow-up only lets the current run end).
func (r *run[T]) follow(ctx context.Context, current T, start time.Time, judged bool) (T, bool) {
	id := r.op.follow.ID(current)
	reached := r.reached(current)
	final, err := wait.For(ctx, r.op.follow, current, func(ctx context.Context) (T, error) {
		v, err := r.op.get(ctx, r.client, r.project, id)
		if err != nil {
			return v, err
		}
		if p := r.reached(v); p != reached {
			reached = p
			tflog.Info(ctx, "Progress", map[string]any{"id": id, "kind": r.op.noun, "progress": p})
			r.record(v)
			r.report("%s %s: %s", capitalized(r.op.noun), id, p)
		}
		return v, nil
	}, wait.Options[T]{
		Cap: r.settings.cap, Start: start, Clock: r.data.clock, Transient: mintlify.IsTransient, Steady: r.op.steady,
		OnChange: func(_ context.Context, v T) {
			r.record(v)
			r.report("%s %s is %s", capitalized(r.op.noun), id, r.op.follow.Status(v))
		},
	})
	return final, r.ended(ctx, err, final, judged)
}

// reached is how far v has got, "" when the kind reports no progress.
func (r *run[T]) reached(v T) string {
	if r.op.progress == nil {
		return ""
	}
	return r.op.progress(v)
}

// ended explains how following the operation ended, last seen as final:
// the run's timeout or an interrupt (its context), a failed read (err), or
// the operation's own failure, when judged and failures are not allowed.
// It reports whether the run may go on.
func (r *run[T]) ended(ctx context.Context, err error, final T, judged bool) bool {
	e := ending{id: r.op.follow.ID(final), project: r.project, status: r.op.follow.Status(final),
		limit: r.settings.limit, timeout: r.settings.timeout}
	switch {
	case err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded):
		r.diags.Append(r.op.timedOut(e, r.holder))
	case err != nil && errors.Is(ctx.Err(), context.Canceled):
		r.diags.Append(r.op.interrupted(e, r.holder))
	case err != nil:
		r.diags.Append(r.op.couldNotFollow(e, r.data.explain(ctx, err, r.about(e.id)), r.holder))
	case judged && r.op.failed(final) && !r.settings.allowFailure:
		r.diags.Append(r.op.failedError(e, r.op.failure(final), r.holder))
	}
	return !r.diags.HasError()
}

// record tells seen what the API reported, when the run keeps it.
func (r *run[T]) record(v T) {
	if r.seen != nil {
		r.seen(v)
	}
}

// refresh reads the operation a resource's state holds, for its Read: it
// warns when one not waited for has failed since the last refresh, and
// removes the resource when Mintlify no longer knows it. It reports whether
// the caller should write what it read.
func refresh[T any](ctx context.Context, op *operation[T], d *providerData, client *mintlify.Client, project string,
	state *rawState, resp *resource.ReadResponse) (T, bool) {
	id := state.string("id")
	v, err := op.get(ctx, client, project, id)
	var notFound *mintlify.NotFoundError
	switch {
	case errors.As(err, &notFound):
		resp.Diagnostics.Append(op.gone(id, project))
		resp.State.RemoveResource(ctx)
		return v, false
	case err != nil:
		resp.Diagnostics.AddError("Could not read the Mintlify "+op.noun, d.explain(ctx, err, about{project: project, noun: op.noun, id: id}))
		return v, false
	}
	was, now := state.string("status"), op.follow.Status(v)
	if was != "" && was != op.failedStatus && now == op.failedStatus && !state.bool("allow_failure") {
		resp.Diagnostics.Append(op.failedSince(ending{id: id, project: project, status: now}, was, op.failure(v)))
	}
	return v, true
}

// report tells progress, for an action.
func (r *run[T]) report(format string, args ...any) {
	if r.progress != nil {
		r.progress(format, args...)
	}
}
