package provider

import (
	"context"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/mintlify/terraform-provider-mintlify/internal/provider/modifiers"
)

// operationResource serves a followable kind as a resource: Create
// launches one, Read refreshes it, Update records the settings that change
// nothing in Mintlify, Delete only forgets, and import takes the ID. Each
// kind's resource is a declaration of one (deployment_resource.go); the
// agent job's adds its conversation and its identity.
type operationResource[T any, M resourceArgs] struct {
	resourceBase
	op *followable[T]
	// schema is the resource's schema, whose optional and required
	// attributes are the arguments (M); fields are what the API reports,
	// some of them arguments an import adopts.
	schema func(context.Context) (schema.Schema, diag.Diagnostics)
	fields fields[T]
	// timeout bounds a create by default.
	timeout time.Duration
	// launch makes one launch of the kind for the arguments; what it puts
	// in extra goes to state with the fields (a preview's URL).
	launch func(r *followedRun[T], m M, extra map[string]tftypes.Value) launching[T]
}

// resourceArgs is what a resource's model of arguments (M) tells every
// resource the same way: how to wait, and in which project.
type resourceArgs interface {
	waiting() waitArgs
	scope() types.String
}

// projectArg is the project argument of a kind that has one.
type projectArg struct {
	ProjectID types.String `tfsdk:"project_id"`
}

func (p projectArg) scope() types.String { return p.ProjectID }

// noProject is the scope of a kind that has no project.
type noProject struct{}

func (noProject) scope() types.String { return types.StringNull() }

// newOperationResource serves r, named name.
func newOperationResource[T any, M resourceArgs](name string, r operationResource[T, M]) *operationResource[T, M] {
	r.resourceBase = resourceBase{kind: r.op.kind, name: name, args: argsOf(r.schema)}
	return &r
}

// argsOf reads the arguments of schema's resource.
func argsOf(schema func(context.Context) (schema.Schema, diag.Diagnostics)) func() args {
	return sync.OnceValue(func() args {
		s, _ := schema(context.Background())
		return resourceSchemaArgs(context.Background(), s)
	})
}

func (r *operationResource[T, M]) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema, resp.Diagnostics = r.schema(ctx)
}

// resourceBase is what every resource of a kind does the same way: it is
// named and configured, reads its arguments, plans its project and its
// destroy, records updates that only change settings, and forgets on
// delete. Each embeds it.
type resourceBase struct {
	data *providerData
	kind *kind
	// name is the type's name after the provider's, such as "deployment".
	name string
	args func() args
}

func (r *resourceBase) typeName() string { return "mintlify_" + r.name }

func (r *resourceBase) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_" + r.name
}

func (r *resourceBase) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = providerDataFrom(req.ProviderData, &resp.Diagnostics)
}

// ModifyPlan shows the project a new resource uses and reports a missing
// key or project at plan time, and says in the plan of a destroy that it
// only forgets.
func (r *resourceBase) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	switch {
	case r.planDestroy(ctx, req, resp), r.data == nil, !req.State.Raw.IsNull():
	case r.kind.unscoped:
		_, diags := r.data.keyedClient()
		resp.Diagnostics.Append(diags...)
	default:
		r.data.planProject(ctx, req, resp)
	}
}

// planDestroy warns, in the plan of a destroy, that destroying only forgets
// what the resource started, and reports whether the plan is a destroy.
func (r *resourceBase) planDestroy(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) bool {
	if !req.Plan.Raw.IsNull() {
		return false
	}
	var id types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, idPath, &id)...)
	resp.Diagnostics.Append(r.kind.destroyPlanned(id.ValueString()))
	return true
}

// Create launches one, writing the state as soon as Mintlify answers the
// start, and at each change after.
func (r *operationResource[T, M]) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var m M
	resp.Diagnostics.Append(r.args().readApplied(ctx, req.Plan.Raw, req.Config.Raw, &m)...)
	state, diags := newRawState(req.Plan.Raw)
	resp.Diagnostics.Append(diags...)
	settings, diags := m.waiting().settings(ctx, false, r.timeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	run := followedRunOf(r.data, r.op, m.scope(), settings, creating)
	extra := map[string]tftypes.Value{}
	if !r.op.kind.unscoped {
		extra["project_id"] = tfString(run.project)
	}
	run.seen = func(v T) {
		r.fields.write(state, v)
		state.set(extra)
		resp.State.Raw = state.applied()
	}
	run.launch(ctx, r.launch(run, m, extra))
	resp.Diagnostics.Append(run.diags...)
}

// Read refreshes it. It runs for every resource on every plan, so it
// writes the state only when something changed.
func (r *operationResource[T, M]) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	state, diags := newRawState(req.State.Raw)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	client, project, diags := r.data.readClient(r.op.kind, types.StringValue(state.string("project_id")))
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	v, found := r.op.refresh(ctx, r.data, client, project, state, &resp.Diagnostics)
	switch {
	case !found && !resp.Diagnostics.HasError():
		resp.State.RemoveResource(ctx)
	case found && r.fields.write(state, v):
		resp.State.Raw = state.value()
	}
}

// Update records the settings that change nothing in Mintlify (the wait
// settings and timeouts, and what an import adopts): every other change
// replaces the resource.
func (r *resourceBase) Update(_ context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	resp.State.Raw = req.Plan.Raw
}

// Delete has nothing to call: Mintlify cannot delete or undo what was
// started. It says so.
func (r *resourceBase) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var id types.String
	resp.Diagnostics.Append(req.State.GetAttribute(ctx, idPath, &id)...)
	resp.Diagnostics.Append(r.kind.destroyed(id.ValueString()))
}

// ImportState imports by the ID alone, and marks the resource imported, so
// that what its configuration adds is recorded, not started again
// (modifiers.ReplaceUnlessImported).
func (r *operationResource[T, M]) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	if isBlank(req.ID) {
		resp.Diagnostics.AddError("Invalid import ID", emptyImportID(r.op.kind, r.typeName()).Error())
		return
	}
	resource.ImportStatePassthroughID(ctx, idPath, req, resp)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, modifiers.ImportedKey, modifiers.Imported)...)
}

// idPath is every resource's and data source's id.
var idPath = path.Root("id")
