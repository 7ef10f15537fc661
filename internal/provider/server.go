package provider

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"

	"github.com/mintlify/terraform-provider-mintlify/internal/wait"
)

// Address is the provider's address in the Terraform Registry.
const Address = "registry.terraform.io/mintlify/mintlify"

// stopGrace bounds how long StopProvider waits for interrupted actions to
// send their final event: each needs moments to say what it started.
const stopGrace = 5 * time.Second

// frameworkServer is what the framework's server implements. tf6server
// looks for list resources, actions and state stores by type assertion,
// so the wrapper must keep every one of them.
type frameworkServer interface {
	tfprotov6.ProviderServer
	tfprotov6.ListResourceServer
	tfprotov6.ActionServer
	tfprotov6.StateStoreServer
}

// protocol6Server is the framework's server, with a StopProvider that
// returns only once each action it interrupted has sent its final event.
// tf6server (terraform-plugin-go v0.31.0) calls StopProvider, then cancels
// the contexts of its requests; an InvokeAction whose context is canceled
// stops sending events, so the final one, the error that says what the
// action started, would never reach Terraform, which would then print
// "Apply complete!". It also reads the null function arguments OpenTofu
// sends (CallFunction).
type protocol6Server struct {
	frameworkServer

	mu sync.Mutex
	// invoking holds, for each InvokeAction whose events are not all sent,
	// a channel closed once they are.
	invoking map[chan struct{}]struct{}
}

// NewProtocol6Server is the server of the provider of a build version, as
// main.go serves it.
func NewProtocol6Server(version string) func() tfprotov6.ProviderServer {
	return func() tfprotov6.ProviderServer { return newProtocol6Server(newProvider(version, wait.RealClock)) }
}

func newProtocol6Server(p provider.Provider) *protocol6Server {
	base := providerserver.NewProtocol6(p)()
	fw, ok := base.(frameworkServer)
	if !ok {
		panic(fmt.Sprintf("the framework's server %T no longer serves list resources, actions or state stores", base))
	}
	return &protocol6Server{frameworkServer: fw, invoking: map[chan struct{}]struct{}{}}
}

// msgpackNil is a null value in MessagePack.
var msgpackNil = []byte{0xc0}

// CallFunction is the framework's, with the null arguments OpenTofu sends
// made readable. OpenTofu sends a null function argument as an empty value
// rather than an encoded null, which the framework cannot read; it goes on
// as the null it stands for, so that feedback_prompt(null, ...) and
// parse_pr_link(null) work on OpenTofu as on Terraform.
func (s *protocol6Server) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	for i, arg := range req.Arguments {
		if arg == nil || len(arg.MsgPack) == 0 && len(arg.JSON) == 0 {
			req.Arguments[i] = &tfprotov6.DynamicValue{MsgPack: msgpackNil}
		}
	}
	return s.frameworkServer.CallFunction(ctx, req)
}

// InvokeAction is the framework's, tracked until its last event is sent.
func (s *protocol6Server) InvokeAction(ctx context.Context, req *tfprotov6.InvokeActionRequest) (*tfprotov6.InvokeActionServerStream, error) {
	// Tracked before the framework registers the context that StopProvider
	// cancels, so that no invocation it cancels goes unwaited for.
	sent := s.track()
	stream, err := s.frameworkServer.InvokeAction(ctx, req)
	if err != nil || stream == nil {
		s.untrack(sent)
		return stream, err
	}
	events := stream.Events
	stream.Events = func(push func(tfprotov6.InvokeActionEvent) bool) {
		defer s.untrack(sent)
		events(push)
	}
	return stream, nil
}

// StopProvider cancels what runs (the framework's StopProvider), then
// waits, up to stopGrace, until each action it interrupted has sent its
// final event, before tf6server cancels the contexts that carry them.
func (s *protocol6Server) StopProvider(ctx context.Context, req *tfprotov6.StopProviderRequest) (*tfprotov6.StopProviderResponse, error) {
	resp, err := s.frameworkServer.StopProvider(ctx, req)
	if err != nil {
		return resp, err
	}
	// Taken after the cancel: every invocation it canceled is tracked.
	s.mu.Lock()
	interrupted := make([]chan struct{}, 0, len(s.invoking))
	for sent := range s.invoking {
		interrupted = append(interrupted, sent)
	}
	s.mu.Unlock()
	grace := time.NewTimer(stopGrace)
	defer grace.Stop()
	for _, sent := range interrupted {
		select {
		case <-sent:
		case <-grace.C:
			return resp, nil
		case <-ctx.Done():
			return resp, nil
		}
	}
	return resp, nil
}

func (s *protocol6Server) track() chan struct{} {
	sent := make(chan struct{})
	s.mu.Lock()
	s.invoking[sent] = struct{}{}
	s.mu.Unlock()
	return sent
}

func (s *protocol6Server) untrack(sent chan struct{}) {
	s.mu.Lock()
	delete(s.invoking, sent)
	s.mu.Unlock()
	close(sent)
}
