package provider

import (
	"strings"

	"github.com/mintlify/terraform-provider-mintlify/internal/mintlify"
)

// kind names one kind of thing the provider starts or reads, in every
// message about it.
type kind struct {
	// noun names one, such as "agent job".
	noun string
	// idNoun names its ID, such as "job ID" or "status ID"; exampleID is
	// one of that shape, for messages that show one.
	idNoun, exampleID string
	// feature is the plan feature it needs, for a 403 ("" when only the
	// REST API itself).
	feature string
	// dataSource reads one by its ID ("" when the API cannot).
	dataSource string
	// lookup says where to find one that may have started unseen.
	lookup string
	// importable: its resource can be imported by ID.
	importable bool
	// again says how a resource starts another one in its place.
	again string
	// stays says what destroying its resource leaves in Mintlify.
	stays string
	// unscoped kinds belong to no project: the API finds them by ID alone,
	// and no message names a project for them.
	unscoped bool
	// readByID: one is read by its ID alone, though it belongs to a
	// project (a deployment's status).
	readByID bool
	// refused explains, when it can, an answer that refused a call about
	// one (a 400 or a 404 that has a meaning of its own); "" when not.
	refused func(api *mintlify.APIError, s situation) string
}

// title is the noun at the start of a sentence.
func (k *kind) title() string { return capitalized(k.noun) }

// a is the noun with its indefinite article: "an agent job", "a deployment".
func (k *kind) a() string { return article(k.noun) + " " + k.noun }

// article is the indefinite article of a noun that is spelt as it sounds.
func article(noun string) string {
	if noun != "" && strings.ContainsRune("aeiouAEIOU", rune(noun[0])) {
		return "an"
	}
	return "a"
}

// holder is what keeps an operation once it has started, which decides
// what becomes of it when its run goes wrong.
type holder struct {
	// resource is true when a resource's state keeps it; tainted when a
	// failure marks the resource so (a create).
	resource, tainted bool
	// kept names what the state keeps besides the ID, on an update.
	kept string
}

var (
	// creating is a resource's create: a failure leaves it in state, tainted.
	creating = holder{resource: true, tainted: true}
	// invoking is an action's invocation: nothing is kept.
	invoking = holder{}
)

// updating is a resource's update that keeps what it sent.
func updating(kept string) holder { return holder{resource: true, kept: kept} }

// capitalized is s with its first letter upper case, to start a sentence.
func capitalized(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// sentences joins the non-empty ones with spaces.
func sentences(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " ")
}
