package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
)

// NewServer is the provider of a build version over the plugin protocol,
// as main serves it. The framework's server always serves every RPC: a
// build where it did not could not serve at all, and says why.
func NewServer(version string) func() tfprotov6.ProviderServer {
	server := serve(New(version)())
	return func() tfprotov6.ProviderServer {
		s, err := server()
		if err != nil {
			panic(err)
		}
		return s
	}
}

// fullServer is what the framework's server serves: every RPC of the
// protocol, list resources and actions included.
type fullServer interface {
	tfprotov6.ProviderServer
	tfprotov6.ListResourceServer
	tfprotov6.ActionServer
}

// serve is the framework's server for p, which reads the null arguments
// of a function call as OpenTofu sends them.
func serve(p provider.Provider) func() (tfprotov6.ProviderServer, error) {
	framework := providerserver.NewProtocol6WithError(p)
	return func() (tfprotov6.ProviderServer, error) {
		s, err := framework()
		if err != nil {
			return nil, err
		}
		full, ok := s.(fullServer)
		if !ok {
			return nil, fmt.Errorf("the framework's server %T serves no list resources or actions", s)
		}
		return nullArguments{full}, nil
	}
}

// nullArguments passes every call to the framework's server. OpenTofu
// sends a null function argument as an empty value rather than an encoded
// null, which the framework cannot read; it goes on as the null it stands
// for (msgpack's nil), so that feedback_prompt(null, ...) and
// parse_pr_link(null) work on OpenTofu as on Terraform.
type nullArguments struct{ fullServer }

// msgpackNil is a null value in MessagePack.
var msgpackNil = []byte{0xc0}

func (s nullArguments) CallFunction(ctx context.Context, req *tfprotov6.CallFunctionRequest) (*tfprotov6.CallFunctionResponse, error) {
	for i, arg := range req.Arguments {
		if arg == nil || len(arg.MsgPack) == 0 && len(arg.JSON) == 0 {
			req.Arguments[i] = &tfprotov6.DynamicValue{MsgPack: msgpackNil}
		}
	}
	return s.fullServer.CallFunction(ctx, req)
}
