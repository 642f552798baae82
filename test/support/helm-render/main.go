// helm-render renders a chart's templates the way `helm template` does, for the tests, on
// machines where Helm itself cannot run: Go's text/template with Sprig v3's functions (the
// engine and function library Helm uses) plus Helm's own functions (include, tpl, required,
// toYaml, fromYaml, toJson, fromJson, lookup), over .Values, .Release, .Chart, .Capabilities
// and .Template as Helm builds them. Values come already merged (values.yaml, then the -f
// files), as JSON. Unlike Helm's default it stops on a missing key (Helm's --strict lint
// does the same), so a template reading a value that does not exist fails the test.
//
// Build (Debian: golang-go, golang-github-masterminds-sprig-dev, golang-gopkg-yaml.v2-dev):
//
//	GO111MODULE=off GOPATH=/usr/share/gocode go build -o helm-render main.go
//
// Usage: helm-render <chart-dir> <values.json> <release-name> <namespace>
// Prints {"manifests": {"templates/x.yaml": "..."}, "notes": "..."} or, on a render error,
// the error on stderr and exit status 1.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"text/template"

	sprig "github.com/Masterminds/sprig"
	yaml "gopkg.in/yaml.v2"
)

type chartMeta struct {
	APIVersion  string `yaml:"apiVersion"`
	Name        string `yaml:"name"`
	Version     string `yaml:"version"`
	AppVersion  string `yaml:"appVersion"`
	Description string `yaml:"description"`
	Type        string `yaml:"type"`
	KubeVersion string `yaml:"kubeVersion"`
}

// jsonable turns what yaml.v2 decodes (map[interface{}]interface{}) into what JSON decodes.
func jsonable(v interface{}) interface{} {
	switch t := v.(type) {
	case map[interface{}]interface{}:
		m := map[string]interface{}{}
		for k, x := range t {
			m[fmt.Sprint(k)] = jsonable(x)
		}
		return m
	case []interface{}:
		for i, x := range t {
			t[i] = jsonable(x)
		}
	}
	return v
}

// toYaml as Helm's: through JSON (sigs.k8s.io/yaml), no trailing newline, "" on error.
func toYaml(v interface{}) string {
	j, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	var generic interface{}
	if err := json.Unmarshal(j, &generic); err != nil {
		return ""
	}
	out, err := yaml.Marshal(generic)
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(string(out), "\n")
}

func fromYaml(s string) map[string]interface{} {
	var v interface{}
	if err := yaml.Unmarshal([]byte(s), &v); err != nil {
		return map[string]interface{}{"Error": err.Error()}
	}
	m, _ := jsonable(v).(map[string]interface{})
	if m == nil {
		m = map[string]interface{}{}
	}
	return m
}

func toJSON(v interface{}) string {
	out, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(out)
}

func fromJSON(s string) map[string]interface{} {
	m := map[string]interface{}{}
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		m["Error"] = err.Error()
	}
	return m
}

func main() {
	if len(os.Args) != 5 {
		fmt.Fprintln(os.Stderr, "usage: helm-render <chart-dir> <values.json> <release-name> <namespace>")
		os.Exit(2)
	}
	chartDir, valuesFile, release, namespace := os.Args[1], os.Args[2], os.Args[3], os.Args[4]
	if err := run(chartDir, valuesFile, release, namespace); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(chartDir, valuesFile, release, namespace string) error {
	chartText, err := os.ReadFile(filepath.Join(chartDir, "Chart.yaml"))
	if err != nil {
		return err
	}
	var meta chartMeta
	if err := yaml.UnmarshalStrict(chartText, &meta); err != nil {
		return fmt.Errorf("Chart.yaml: %w", err)
	}
	valuesText, err := os.ReadFile(valuesFile)
	if err != nil {
		return err
	}
	values := map[string]interface{}{}
	if err := json.Unmarshal(valuesText, &values); err != nil {
		return fmt.Errorf("values: %w", err)
	}
	paths, err := filepath.Glob(filepath.Join(chartDir, "templates", "*"))
	if err != nil {
		return err
	}
	sort.Strings(paths)

	root := template.New("chart").Option("missingkey=error")
	funcs := sprig.TxtFuncMap()
	delete(funcs, "env")
	delete(funcs, "expandenv")
	funcs["toYaml"] = toYaml
	funcs["fromYaml"] = fromYaml
	funcs["toJson"] = toJSON
	funcs["fromJson"] = fromJSON
	funcs["required"] = func(message string, v interface{}) (interface{}, error) {
		if v == nil {
			return v, fmt.Errorf(message)
		}
		if s, ok := v.(string); ok && s == "" {
			return v, fmt.Errorf(message)
		}
		return v, nil
	}
	funcs["lookup"] = func(string, string, string, string) (map[string]interface{}, error) {
		return map[string]interface{}{}, nil
	}
	// include and tpl need the template set itself: defined here, bound below.
	funcs["include"] = func(string, interface{}) (string, error) { return "", nil }
	funcs["tpl"] = func(string, interface{}) (string, error) { return "", nil }
	root.Funcs(funcs)
	root.Funcs(template.FuncMap{
		"include": func(name string, data interface{}) (string, error) {
			var buf bytes.Buffer
			if err := root.ExecuteTemplate(&buf, name, data); err != nil {
				return "", err
			}
			return buf.String(), nil
		},
		"tpl": func(text string, data interface{}) (string, error) {
			t, err := root.Clone()
			if err != nil {
				return "", err
			}
			t, err = t.New("tpl").Parse(text)
			if err != nil {
				return "", err
			}
			var buf bytes.Buffer
			if err := t.Execute(&buf, data); err != nil {
				return "", err
			}
			return buf.String(), nil
		},
	})

	var names []string
	for _, path := range paths {
		text, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		name := "templates/" + filepath.Base(path)
		if _, err := root.New(name).Parse(string(text)); err != nil {
			return err
		}
		names = append(names, name)
	}

	data := map[string]interface{}{
		"Values": values,
		"Release": map[string]interface{}{
			"Name": release, "Namespace": namespace, "Service": "Helm",
			"IsInstall": true, "IsUpgrade": false, "Revision": 1,
		},
		"Chart": map[string]interface{}{
			"APIVersion": meta.APIVersion, "Name": meta.Name, "Version": meta.Version,
			"AppVersion": meta.AppVersion, "Description": meta.Description, "Type": meta.Type,
			"KubeVersion": meta.KubeVersion,
		},
		"Capabilities": map[string]interface{}{
			"KubeVersion": map[string]interface{}{"Version": "v1.30.0", "Major": "1", "Minor": "30"},
		},
	}

	manifests := map[string]string{}
	notes := ""
	for _, name := range names {
		base := filepath.Base(name)
		if strings.HasPrefix(base, "_") {
			continue
		}
		data["Template"] = map[string]interface{}{"Name": meta.Name + "/" + name, "BasePath": meta.Name + "/templates"}
		var buf bytes.Buffer
		if err := root.ExecuteTemplate(&buf, name, data); err != nil {
			return err
		}
		out := strings.ReplaceAll(buf.String(), "<no value>", "")
		if base == "NOTES.txt" {
			notes = out
		} else if strings.TrimSpace(out) != "" {
			manifests[name] = out
		}
	}
	result, err := json.Marshal(map[string]interface{}{"manifests": manifests, "notes": notes})
	if err != nil {
		return err
	}
	_, err = os.Stdout.Write(result)
	return err
}
