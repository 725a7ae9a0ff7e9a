package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	tflang "github.com/hashicorp/terraform/lang"
	"github.com/zclconf/go-cty/cty"
	ctyjson "github.com/zclconf/go-cty/cty/json"
)

// Reads one HCL expression per line; prints its value as typed JSON, or ERROR: summary; detail.
func main() {
	scope := tflang.Scope{BaseDir: "."}
	ctx := &hcl.EvalContext{Functions: scope.Functions(), Variables: map[string]cty.Value{
		"unknown": cty.DynamicVal,
	}}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<24)
	for in.Scan() {
		expr, diags := hclsyntax.ParseExpression([]byte(in.Text()), "e.hcl", hcl.Pos{Line: 1, Column: 1})
		if diags.HasErrors() {
			fmt.Printf("PARSE: %s\n", strings.ReplaceAll(diags.Error(), "\n", " "))
			continue
		}
		v, diags := expr.Value(ctx)
		if diags.HasErrors() {
			fmt.Printf("ERROR: %s\n", strings.ReplaceAll(diags[0].Detail, "\n", " "))
			continue
		}
		if !v.IsWhollyKnown() {
			fmt.Printf("UNKNOWN\n")
			continue
		}
		b, err := ctyjson.Marshal(v, cty.DynamicPseudoType)
		if err != nil {
			fmt.Printf("MARSHAL: %s\n", err)
			continue
		}
		fmt.Println(string(b))
	}
}
