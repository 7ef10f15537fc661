package emulator

import (
	"bytes"
	_ "embed" // the OpenAPI documents
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"
)

// Mintlify's OpenAPI documents, byte for byte: the admin API (agent jobs),
// the external API (deployments, previews, automations, served under /v1),
// static export (also under /v1) and analytics.
var (
	//go:embed openapi/mintlify-admin-openapi.json
	adminOpenAPI []byte
	//go:embed openapi/mintlify-openapi.json
	externalOpenAPI []byte
	//go:embed openapi/mintlify-static-export-openapi.json
	staticExportOpenAPI []byte
	//go:embed openapi/mintlify-analytics-openapi.json
	analyticsOpenAPI []byte
)

// Violation is a request or an answer that breaks the OpenAPI documents.
//
// A request breaks them when no document has its operation (a client bug,
// unless Options.AllowUnknownPaths) or when it does not validate. An answer
// breaks them when its status is not documented for the operation, or its
// headers or body do not validate. Three kinds of answer the real API gives
// but the documents leave out are accepted, as JSON {"error": "<text>"}:
// 401 and 403 from authentication on every endpoint, 404 for an unknown
// update status, and 429 from the rate limits of the endpoints Mintlify
// documents limits for. A 429 of those endpoints may also be text/plain,
// as Mintlify's sometimes are (see the reference README). Not checked: the
// answer to a request that broke the documents (they describe answers to
// valid requests), and an answer a Fault made up.
type Violation struct {
	Method string
	Path   string
	// Status is the answer's.
	Status int
	// Part is "request" or "response": which one broke the documents.
	Part string
	// Message is kin-openapi's reason, its first line.
	Message string
}

func (v Violation) String() string {
	return fmt.Sprintf("%s %s (answered %d): the %s breaks the OpenAPI documents: %s", v.Method, v.Path, v.Status, v.Part, v.Message)
}

// ContractViolations returns the violations found so far, oldest first.
func (s *Server) ContractViolations() []Violation {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.violations)
}

// ContractChecks counts the requests and the answers checked against the
// OpenAPI documents so far, for a test to prove the check ran.
func (s *Server) ContractChecks() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.checks
}

// undocumentedAnswers are the statuses the real API answers that the
// documents leave out, by operation (method and document path; "" is every
// operation).
var undocumentedAnswers = map[string][]int{
	"":                                      {http.StatusUnauthorized, http.StatusForbidden},
	"GET /project/update-status/{statusId}": {http.StatusNotFound},
	"POST /v1/agent/{projectId}/job":        {http.StatusTooManyRequests},
	"POST /project/preview/{projectId}":     {http.StatusTooManyRequests},
	"POST /project/update/{projectId}":      {http.StatusTooManyRequests},
	"POST /workflow/{projectId}/{workflowSchemaId}/trigger":      {http.StatusTooManyRequests},
	"GET /v1/analytics/{projectId}/feedback":                     {http.StatusTooManyRequests},
	"GET /v1/analytics/{projectId}/feedback/by-page":             {http.StatusTooManyRequests},
	"GET /v1/analytics/{projectId}/assistant":                    {http.StatusTooManyRequests},
	"GET /v1/analytics/{projectId}/assistant/threads/{threadId}": {http.StatusTooManyRequests},
	"GET /v1/analytics/{projectId}/assistant/caller-stats":       {http.StatusTooManyRequests},
	"GET /v1/analytics/{projectId}/searches":                     {http.StatusTooManyRequests},
	"GET /v1/analytics/{projectId}/views":                        {http.StatusTooManyRequests},
	"GET /v1/analytics/{projectId}/visitors":                     {http.StatusTooManyRequests},
}

// checkOptions leave authentication to the handlers, never set defaults in
// the request, and refuse statuses the operation does not document.
var checkOptions = openapi3filter.Options{
	AuthenticationFunc:    openapi3filter.NoopAuthenticationFunc,
	SkipSettingDefaults:   true,
	IncludeResponseStatus: true,
}

// apiDocument is an OpenAPI document routed on the emulator's own host.
type apiDocument struct {
	// prefix is the path of the document's server, under which its paths
	// are served.
	prefix string
	router routers.Router
}

// apiDocuments are parsed and routed once per process.
var apiDocuments = sync.OnceValue(func() []apiDocument {
	return []apiDocument{loadDocument(adminOpenAPI), loadDocument(externalOpenAPI), loadDocument(staticExportOpenAPI), loadDocument(analyticsOpenAPI)}
})

// loadDocument parses and routes an embedded document. The documents are
// part of the build, so one that does not load is a bug every test reports:
// it panics.
func loadDocument(data []byte) apiDocument {
	doc, err := openapi3.NewLoader().LoadFromData(data)
	if err != nil {
		panic(fmt.Sprintf("emulator: OpenAPI document: %v", err))
	}
	server, err := url.Parse(doc.Servers[0].URL)
	if err != nil {
		panic(fmt.Sprintf("emulator: OpenAPI document's server: %v", err))
	}
	// Route on the path alone: the server is api.mintlify.com, not here.
	doc.Servers = nil
	router, err := legacy.NewRouter(doc)
	if err != nil {
		panic(fmt.Sprintf("emulator: OpenAPI document: %v", err))
	}
	return apiDocument{prefix: strings.TrimSuffix(server.Path, "/"), router: router}
}

// operation finds the documented operation of r, seen as its document sees
// it (its path below the document's server), with body to validate; nil
// when no document has it.
func operation(r *http.Request, body []byte) *openapi3filter.RequestValidationInput {
	req := r.Clone(r.Context())
	for _, d := range apiDocuments() {
		rest, ok := strings.CutPrefix(r.URL.Path, d.prefix)
		if !ok || !strings.HasPrefix(rest, "/") {
			continue
		}
		req.URL.Path, req.URL.RawPath = rest, ""
		if route, params, err := d.router.FindRoute(req); err == nil {
			req.Body = io.NopCloser(bytes.NewReader(body))
			opts := checkOptions
			return &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: &opts}
		}
	}
	return nil
}

// exchange is the answer to one request on its way to the client. It holds
// the answer back until the contract check has seen it, so a violation is on
// record before the client acts on the answer. A streamed answer (the v1
// create's events) is checked at its first flush, on its status and
// headers, and flows through from then on.
type exchange struct {
	http.ResponseWriter
	s      *Server
	method string
	path   string
	// op is the request's documented operation; nil when it has none or it
	// broke the documents, and its answer is not checked.
	op       *openapi3filter.RequestValidationInput
	problem  string // why the request breaks the documents
	checks   int
	status   int
	body     bytes.Buffer
	sent     bool // the status and headers went to the client
	injected bool // the answer is a Fault's
}

// newExchange checks the request, whose body is body, and returns the
// writer its answer goes through.
func (s *Server) newExchange(w http.ResponseWriter, r *http.Request, body []byte) *exchange {
	x := &exchange{ResponseWriter: w, s: s, method: r.Method, path: r.URL.Path}
	if s.opts.SkipContractCheck {
		return x
	}
	op := operation(r, body)
	switch {
	case op == nil && !s.opts.AllowUnknownPaths:
		x.problem = "no operation in the documents has this method and path"
	case op == nil:
	default:
		x.checks++
		if err := openapi3filter.ValidateRequest(r.Context(), op); err != nil {
			x.problem = firstLine(err)
		} else {
			x.op = op
		}
	}
	return x
}

// injected marks the answer being written to w as a Fault's, exempt from
// the contract check.
func injected(w http.ResponseWriter) {
	if x, ok := w.(*exchange); ok {
		x.injected = true
	}
}

func (x *exchange) WriteHeader(code int) {
	if x.status == 0 {
		x.status = code
	}
}

func (x *exchange) Write(b []byte) (int, error) {
	x.WriteHeader(http.StatusOK)
	if x.sent {
		return x.ResponseWriter.Write(b)
	}
	return x.body.Write(b)
}

// Flush checks the answer on its status and headers and sends what is
// written so far: the answer streams.
func (x *exchange) Flush() {
	if !x.sent {
		x.send(true)
	}
	if f, ok := x.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// finish checks the whole answer and sends it, unless it streamed.
func (x *exchange) finish() {
	if !x.sent {
		x.send(false)
	}
}

// send checks the answer (its body too unless streamed), records what the
// check found, and sends the answer so far.
func (x *exchange) send(streamed bool) {
	x.WriteHeader(http.StatusOK)
	var found []Violation
	switch {
	case x.problem != "":
		found = append(found, x.violation("request", x.problem))
	case x.op != nil && !x.injected:
		x.checks++
		if err := checkAnswer(x.op, x.status, x.Header(), x.body.Bytes(), streamed); err != nil {
			found = append(found, x.violation("response", firstLine(err)))
		}
	}
	x.s.mu.Lock()
	x.s.checks += x.checks
	x.s.violations = append(x.s.violations, found...)
	x.s.mu.Unlock()
	if report := x.s.opts.OnContractViolation; report != nil {
		for _, v := range found {
			report(v)
		}
	}
	x.sent = true
	x.ResponseWriter.WriteHeader(x.status)
	_, _ = x.ResponseWriter.Write(x.body.Bytes())
}

func (x *exchange) violation(part, msg string) Violation {
	return Violation{Method: x.method, Path: x.path, Status: x.status, Part: part, Message: msg}
}

// checkAnswer checks an answer to op: documented, or one of the
// undocumentedAnswers. A streamed answer's body is not checked, its content
// type is.
func checkAnswer(op *openapi3filter.RequestValidationInput, status int, header http.Header, body []byte, streamed bool) error {
	route := op.Route
	documented := route.Operation.Responses.Status(status)
	undocumented := slices.Contains(undocumentedAnswers[""], status) || slices.Contains(undocumentedAnswers[route.Method+" "+route.Path], status)
	if status == http.StatusTooManyRequests && (documented != nil || undocumented) && mediaType(header) == "text/plain" {
		return checkPlainRateLimit(body)
	}
	if documented == nil {
		if !undocumented {
			return fmt.Errorf("status %d is not documented for %s %s", status, route.Method, route.Path)
		}
		return checkErrorAnswer(header, body)
	}
	opts := checkOptions
	opts.ExcludeResponseBody = streamed
	err := openapi3filter.ValidateResponse(op.Request.Context(), &openapi3filter.ResponseValidationInput{
		RequestValidationInput: op, Status: status, Header: header,
		Body: io.NopCloser(bytes.NewReader(body)), Options: &opts,
	})
	if content := documented.Value.Content; err == nil && streamed && len(content) > 0 && content.Get(header.Get("Content-Type")) == nil {
		return fmt.Errorf("content type %q is not documented", header.Get("Content-Type"))
	}
	return err
}

// checkErrorAnswer checks an answer the documents leave out: it must be
// JSON {"error": "<text>"}.
func checkErrorAnswer(header http.Header, body []byte) error {
	if mediaType(header) != "application/json" {
		return fmt.Errorf("undocumented error answer with content type %q, not application/json", header.Get("Content-Type"))
	}
	var answer map[string]any
	if err := json.Unmarshal(body, &answer); err != nil || answer == nil {
		return fmt.Errorf("undocumented error answer is not a JSON object: %.80q", body)
	}
	if msg, _ := answer["error"].(string); msg == "" {
		return fmt.Errorf(`undocumented error answer has no "error" text: %.80q`, body)
	}
	return nil
}

// checkPlainRateLimit checks a text/plain 429: it must say something.
func checkPlainRateLimit(body []byte) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return errors.New("text/plain 429 with an empty body")
	}
	return nil
}

func mediaType(header http.Header) string {
	mt, _, _ := mime.ParseMediaType(header.Get("Content-Type"))
	return mt
}

// firstLine is an error's first line, at most 300 bytes: kin-openapi's
// errors go on with the schema and the value.
func firstLine(err error) string {
	msg, _, _ := strings.Cut(err.Error(), "\n")
	if len(msg) > 300 {
		msg = msg[:300] + "..."
	}
	return msg
}
