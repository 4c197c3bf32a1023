package crosscheck

import "fmt"

var traceVals [2]string

func traceOn(a, b mention) bool {
	if traceVals[0] == "" {
		return false
	}
	return (a.val.text == traceVals[0] && b.val.text == traceVals[1]) || (a.val.text == traceVals[1] && b.val.text == traceVals[0])
}

func traceF(f string, args ...any) { fmt.Printf(f+"\n", args...) }
