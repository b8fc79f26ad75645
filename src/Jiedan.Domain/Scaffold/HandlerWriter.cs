namespace Jiedan.Domain.Scaffold;

/// <summary><c>internal/&lt;entity&gt;/handler.go</c>: one method per operation of the contract, framework-neutral.</summary>
internal static class HandlerWriter
{
    public static ScaffoldFile Write(GoEntity entity, string module)
    {
        var e = entity.Name;
        var go = new GoSource(entity.Package, $"Package {entity.Package} serves the {e} operations of the contract.");
        go.Import($"{module}/internal/store");
        if (entity.Rpcs.Count > 0) go.Import("net/http").Import($"{module}/internal/httpx");
        if (entity.Actions.SelectMany(a => a.Fields).Any(f => f.Scalar.Kind == Contract.FieldKind.DateTime)) go.Import("time");
        go.Line($"// Handler answers the {e} routes; every method has the signature the router calls (id is empty without {{id}}).");
        go.Line("type Handler struct{ store *store.Store }");
        go.Line();
        go.Line($"// NewHandler serves {entity.Plural} from the store.");
        go.Line("func NewHandler(s *store.Store) *Handler { return &Handler{store: s} }");
        var model = false;
        var validates = false;
        if (entity.Rpc("Create") is { } create)
        {
            go.Line().Line($"// Create answers {Route(create)}.");
            go.Line("func (h *Handler) Create(w http.ResponseWriter, r *http.Request, _ string) {");
            go.Line("\tf, ok := httpx.ReadObject(w, r)");
            go.Line("\tif !ok {").Line("\t\treturn").Line("\t}");
            go.Line("\te := decode(f)");
            go.Line("\tf.Unknown()");
            go.Lines(Refuse("f.Errors", "\t"));
            go.Lines(Refuse("check(&e, \"\")", "\t"));
            go.Line($"\tcreated, err := h.store.Create{e}(r.Context(), e, \"\")");
            go.Lines(Fail("\t"));
            go.Line("\thttpx.WriteJSON(w, http.StatusCreated, created)");
            go.Line("}");
        }
        if (entity.Rpc("Get") is { } get)
        {
            go.Line().Line($"// Get answers {Route(get)}.");
            go.Line("func (h *Handler) Get(w http.ResponseWriter, r *http.Request, id string) {");
            go.Line($"\tfound, err := h.store.Get{e}(r.Context(), id)");
            go.Lines(Fail("\t"));
            go.Line("\thttpx.WriteJSON(w, http.StatusOK, found)");
            go.Line("}");
        }
        if (entity.Rpc("List") is { } list)
        {
            model = true;
            go.Line().Line($"// page is the body of {Route(list)}.");
            go.Line("type page struct {");
            go.Lines(GoText.Align([
                [GoText.Exported(entity.ListField), $"[]model.{e}", $"`json:\"{entity.ListField}\"`"],
                ["NextPageToken", "string", "`json:\"next_page_token,omitempty\"`"],
            ], "\t"));
            go.Line("}");
            go.Line().Line($"// List answers {Route(list)}: page_size items (50 when 0 or absent), then next_page_token.");
            go.Line("func (h *Handler) List(w http.ResponseWriter, r *http.Request, _ string) {");
            go.Line("\tp, ok := httpx.ReadPage(w, r)");
            go.Line("\tif !ok {").Line("\t\treturn").Line("\t}");
            go.Line($"\titems, next, err := h.store.List{entity.Plural}(r.Context(), p)");
            go.Lines(Fail("\t"));
            go.Line($"\thttpx.WriteJSON(w, http.StatusOK, page{{{GoText.Exported(entity.ListField)}: items, NextPageToken: next}})");
            go.Line("}");
        }
        if (entity.Rpc("Update") is { } update)
        {
            model = true;
            validates = true;
            var member = Contract.Naming.ToLowerSnake(e);
            go.Line().Line($"// Update answers {Route(update)}: the whole {e} at the version read; 409 when it changed since.");
            go.Line("func (h *Handler) Update(w http.ResponseWriter, r *http.Request, id string) {");
            go.Line("\tf, ok := httpx.ReadObject(w, r)");
            go.Line("\tif !ok {").Line("\t\treturn").Line("\t}");
            go.Line("\tversion := httpx.Value[int64](f, \"version\")");
            go.Line($"\tinner := f.Object({GoText.Quote(member)})");
            go.Line($"\tvar e model.{e}");
            go.Line("\tif inner != nil {");
            go.Line("\t\te = decode(inner)");
            go.Line("\t\tf.Merge(inner)");
            go.Line("\t}");
            go.Line("\tf.Unknown()");
            go.Lines(Refuse("f.Errors", "\t"));
            go.Line("\tproblems := validate.Version(\"version\", version)");
            go.Line($"\tproblems = append(problems, validate.Present({GoText.Quote(member)}, inner != nil)...)");
            go.Line($"\tproblems = append(problems, check(&e, {GoText.Quote(member + ".")})...)");
            go.Lines(Refuse("problems", "\t"));
            go.Line($"\tupdated, err := h.store.Update{e}(r.Context(), id, *version, e, {GoText.Quote(member + ".")})");
            go.Lines(Fail("\t"));
            go.Line("\thttpx.WriteJSON(w, http.StatusOK, updated)");
            go.Line("}");
        }
        if (entity.Rpc("Delete") is { } delete)
        {
            go.Line().Line($"// Delete answers {Route(delete)}; 409 while another record refers to it.");
            go.Line("func (h *Handler) Delete(w http.ResponseWriter, r *http.Request, id string) {");
            go.Line($"\tif err := h.store.Delete{e}(r.Context(), id); err != nil {{");
            go.Line("\t\thttpx.WriteError(w, err)");
            go.Line("\t\treturn");
            go.Line("\t}");
            go.Line("\tw.WriteHeader(http.StatusNoContent)");
            go.Line("}");
        }
        foreach (var action in entity.Actions)
        {
            model = true;
            validates = true;
            var emits = action.Rpc.Emits is { } ev ? $" and records the event {ev}" : "";
            var does = GoAction.Describe(action.Fields);
            go.Line().Line($"// {action.Method} answers {Route(action.Rpc)}: {does} at the version read{emits}.");
            go.Line($"func (h *Handler) {action.Method}(w http.ResponseWriter, r *http.Request, id string) {{");
            go.Line("\tf, ok := httpx.ReadObject(w, r)");
            go.Line("\tif !ok {").Line("\t\treturn").Line("\t}");
            go.Line("\tversion := httpx.Value[int64](f, \"version\")");
            go.Line($"\tvar e model.{e}");
            foreach (var field in action.Fields) go.Line("\t" + CheckWriter.DecodeLine(field));
            go.Line("\tf.Unknown()");
            go.Lines(Refuse("f.Errors", "\t"));
            go.Line("\tproblems := validate.Version(\"version\", version)");
            foreach (var field in action.Fields.Where(CheckWriter.HasRules))
                go.Line($"\tproblems = append(problems, check{field.GoName}({GoText.Quote(field.Name)}, e.{field.GoName})...)");
            go.Lines(Refuse("problems", "\t"));
            go.Line($"\tupdated, err := h.store.{action.Method}{e}(r.Context(), id, *version, e)");
            go.Lines(Fail("\t"));
            go.Line("\thttpx.WriteJSON(w, http.StatusOK, updated)");
            go.Line("}");
        }
        if (model) go.Import($"{module}/internal/model");
        if (validates) go.Import($"{module}/internal/validate");
        return new ScaffoldFile($"internal/{entity.Package}/handler.go", go.ToString());
    }

    public static string Route(Contract.PlannedRpc rpc) => $"{rpc.HttpMethod.ToUpperInvariant()} {rpc.Path}";

    private static IEnumerable<string> Refuse(string problems, string indent)
    {
        yield return $"{indent}if bad := {problems}; len(bad) > 0 {{";
        yield return $"{indent}\thttpx.WriteInvalid(w, bad)";
        yield return $"{indent}\treturn";
        yield return $"{indent}}}";
    }

    private static IEnumerable<string> Fail(string indent)
    {
        yield return $"{indent}if err != nil {{";
        yield return $"{indent}\thttpx.WriteError(w, err)";
        yield return $"{indent}\treturn";
        yield return $"{indent}}}";
    }
}
