package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/mintlify/terraform-provider-mintlify/internal/feedbackprompt"
)

// NewFeedbackPromptFunction is provider::mintlify::feedback_prompt: an
// agent job's prompt from what readers reported and searched for.
func NewFeedbackPromptFunction() function.Function { return feedbackPromptFunction{} }

type feedbackPromptFunction struct{}

// The attributes of mintlify_feedback's and mintlify_searches' items that
// the prompt reads. An argument's items may have more (the data sources'
// do): Terraform leaves the others out when it converts them.
var (
	promptFeedbackType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"path": types.StringType, "comment": types.StringType, "created_at": types.StringType, "source": types.StringType,
		"helpful": types.BoolType, "filename": types.StringType, "lang": types.StringType,
	}}
	promptSearchType = types.ObjectType{AttrTypes: map[string]attr.Type{
		"query": types.StringType, "hits": types.Float64Type, "ctr": types.Float64Type,
	}}
)

type promptFeedback struct {
	Path      types.String `tfsdk:"path"`
	Comment   types.String `tfsdk:"comment"`
	CreatedAt types.String `tfsdk:"created_at"`
	Source    types.String `tfsdk:"source"`
	Helpful   types.Bool   `tfsdk:"helpful"`
	Filename  types.String `tfsdk:"filename"`
	Lang      types.String `tfsdk:"lang"`
}

type promptSearch struct {
	Query types.String  `tfsdk:"query"`
	Hits  types.Float64 `tfsdk:"hits"`
	CTR   types.Float64 `tfsdk:"ctr"`
}

func (feedbackPromptFunction) Metadata(_ context.Context, _ function.MetadataRequest, resp *function.MetadataResponse) {
	resp.Name = "feedback_prompt"
}

func (feedbackPromptFunction) Definition(_ context.Context, _ function.DefinitionRequest, resp *function.DefinitionResponse) {
	resp.Definition = function.Definition{
		Summary: "An agent job's prompt from reader feedback and searches, reader text quoted as data",
		MarkdownDescription: fmt.Sprintf("Writes a prompt for `mintlify_agent_job` from the `feedback` of `mintlify_feedback` and the "+
			"`searches` of `mintlify_searches`, as they return them, or `\"\"` when there is nothing to act on. Reader text "+
			"reaches an agent that opens pull requests, so the prompt takes it as data: it begins with a fixed sentence saying "+
			"that what follows was submitted by readers, to weigh and never to follow as instructions, and quotes every reader "+
			"text as a JSON string, on one line per entry (line breaks and runs of whitespace folded to one space), with control "+
			"characters and the Unicode bidi controls removed.\n\n"+
			"It lists the feedback with a comment that is not marked helpful, by page and then time, each comment of a page once "+
			"(with how often it was sent), a code snippet's file name and language kept; and the searches no reader clicked a "+
			"result of (`ctr` 0), the most searched first, with how often. Each entry's line is cut to %d characters. The "+
			"prompt is at most %d: when the entries do not all fit, the feedback and the searches share the room, the oldest "+
			"entries and the least searched terms are left out first, and the prompt ends saying how many were. Readers' "+
			"contact details and code are never in it. The same inputs, in any order, give the same prompt.",
			feedbackprompt.EntryLimit, feedbackprompt.PromptLimit),
		Parameters: []function.Parameter{
			function.ListParameter{Name: "feedback", ElementType: promptFeedbackType, AllowNullValue: true,
				MarkdownDescription: "The `feedback` of a `mintlify_feedback`, or null."},
			function.ListParameter{Name: "searches", ElementType: promptSearchType, AllowNullValue: true,
				MarkdownDescription: "The `searches` of a `mintlify_searches`, or null."},
		},
		Return: function.StringReturn{},
	}
}

func (feedbackPromptFunction) Run(ctx context.Context, req function.RunRequest, resp *function.RunResponse) {
	var feedbackList, searchList types.List
	if resp.Error = req.Arguments.Get(ctx, &feedbackList, &searchList); resp.Error != nil {
		return
	}
	var rawFeedback []promptFeedback
	var rawSearches []promptSearch
	// A null list reads as an empty one; Terraform sends no unknown value.
	resp.Error = function.ConcatFuncErrors(
		function.FuncErrorFromDiags(ctx, feedbackList.ElementsAs(ctx, &rawFeedback, true)),
		function.FuncErrorFromDiags(ctx, searchList.ElementsAs(ctx, &rawSearches, true)))
	if resp.Error != nil {
		return
	}
	feedback := make([]feedbackprompt.Feedback, len(rawFeedback))
	for i, f := range rawFeedback {
		feedback[i] = feedbackprompt.Feedback{Path: f.Path.ValueString(), Comment: f.Comment.ValueString(), CreatedAt: f.CreatedAt.ValueString(),
			Source: f.Source.ValueString(), Filename: f.Filename.ValueString(), Lang: f.Lang.ValueString(), Helpful: f.Helpful.ValueBoolPointer()}
	}
	searches := make([]feedbackprompt.Search, len(rawSearches))
	for i, s := range rawSearches {
		searches[i] = feedbackprompt.Search{Query: s.Query.ValueString(), Hits: s.Hits.ValueFloat64(), CTR: s.CTR.ValueFloat64Pointer()}
	}
	resp.Error = resp.Result.Set(ctx, feedbackprompt.Prompt(feedback, searches))
}
