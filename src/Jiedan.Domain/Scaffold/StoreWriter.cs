using Jiedan.Domain.Contract;

namespace Jiedan.Domain.Scaffold;

/// <summary><c>internal/store/&lt;entity&gt;.go</c>: the entity's columns and operations over the shared SQL of store.go.</summary>
internal static class StoreWriter
{
    public static ScaffoldFile Write(GoEntity entity, IReadOnlyList<GoEntity> all, string module)
    {
        var e = entity.Name;
        var l = entity.Local;
        var table = GoText.Quote(entity.Table);
        var go = new GoSource("store");
        go.Import("context").Import("database/sql").Import("errors").Import($"{module}/internal/httpx").Import($"{module}/internal/model");
        go.Line($"var {l}Columns = []string{{{string.Join(", ", entity.Fields.Select(f => GoText.Quote(f.Name)))}}}");
        go.Line();
        go.Line($"func {l}Values(e model.{e}) []any {{");
        go.Line($"\treturn []any{{{string.Join(", ", entity.Fields.Select(ValueOf))}}}");
        go.Line("}");
        go.Line();
        go.Line($"func scan{e}(row scanner, lead ...any) (model.{e}, error) {{");
        go.Line($"\tvar e model.{e}");
        for (var i = 0; i < entity.Fields.Count; i++) go.Line($"\tvar c{i} {NullType(entity.Fields[i])}");
        var targets = string.Concat(Enumerable.Range(0, entity.Fields.Count).Select(i => $", &c{i}"));
        go.Line($"\tif err := row.Scan(append(lead, &e.ID, &e.Version{targets})...); err != nil {{");
        go.Line("\t\treturn e, err");
        go.Line("\t}");
        for (var i = 0; i < entity.Fields.Count; i++) go.Line($"\te.{entity.Fields[i].GoName} = {FromColumn(entity.Fields[i], $"c{i}")}");
        go.Line("\treturn e, nil");
        go.Line("}");
        go.Line();
        go.Line($"func (s *Store) load{e}(ctx context.Context, id string) (model.{e}, error) {{");
        go.Line($"\te, err := scan{e}(s.one(ctx, {table}, {l}Columns, id))");
        go.Line("\tif errors.Is(err, sql.ErrNoRows) {");
        go.Line("\t\treturn e, httpx.ErrNotFound");
        go.Line("\t}");
        go.Line("\treturn e, err");
        go.Line("}");
        var refs = entity.References.ToList();
        if (refs.Count > 0) WriteEmbedAndCheck(go, entity, all, refs);
        go.Line();
        go.Line($"// Get{e} reads one {e}, with the records it refers to.");
        go.Line($"func (s *Store) Get{e}(ctx context.Context, id string) (model.{e}, error) {{");
        go.Line($"\te, err := s.load{e}(ctx, id)");
        go.OnError("return e, err");
        if (refs.Count > 0) go.Line($"\ts.embed{e}(ctx, &e)");
        go.Line("\treturn e, nil");
        go.Line("}");
        void CheckRefs(string prefix)
        {
            if (refs.Count == 0) return;
            go.Line($"\tif err := s.check{e}Refs(ctx, e, {prefix}); err != nil {{").Line("\t\treturn e, err").Line("\t}");
        }
        go.Line();
        go.Line($"// Create{e} stores a new {e} at version 1; prefix names the object in problems.");
        go.Line($"func (s *Store) Create{e}(ctx context.Context, e model.{e}, prefix string) (model.{e}, error) {{");
        CheckRefs("prefix");
        go.Line($"\tid, err := s.insert(ctx, {table}, {l}Columns, {l}Values(e))");
        go.OnError("return e, err");
        go.Line($"\treturn s.Get{e}(ctx, id)");
        go.Line("}");
        go.Line();
        go.Line($"// List{entity.Plural} reads one page in the order of creation, and the token of the next page (empty on the last).");
        go.Line($"func (s *Store) List{entity.Plural}(ctx context.Context, p httpx.Page) ([]model.{e}, string, error) {{");
        go.Line($"\trows, err := s.page(ctx, {table}, {l}Columns, p)");
        go.OnError("return nil, \"\", err");
        go.Line("\tdefer rows.Close()");
        go.Line($"\titems := []model.{e}{{}}");
        go.Line("\tmore := false");
        go.Line("\tvar last int64");
        go.Line("\tfor rows.Next() {");
        go.Line("\t\tif len(items) == p.Size {").Line("\t\t\tmore = true").Line("\t\t\tbreak").Line("\t\t}");
        go.Line($"\t\te, err := scan{e}(rows, &last)");
        go.OnError("return nil, \"\", err", 2);
        go.Line("\t\titems = append(items, e)");
        go.Line("\t}");
        go.Line("\tif err := rows.Close(); err != nil {").Line("\t\treturn nil, \"\", err").Line("\t}");
        if (refs.Count > 0)
        {
            go.Line("\tfor i := range items {");
            go.Line($"\t\ts.embed{e}(ctx, &items[i])");
            go.Line("\t}");
        }
        go.Line("\treturn items, httpx.NextToken(last, more), nil");
        go.Line("}");
        go.Line();
        go.Line($"// Update{e} replaces a {e} at the version read (httpx.ErrStale when it changed since).");
        go.Line($"func (s *Store) Update{e}(ctx context.Context, id string, version int64, e model.{e}, prefix string) "
            + $"(model.{e}, error) {{");
        CheckRefs("prefix");
        go.Line($"\tif err := s.update(ctx, {table}, id, version, {l}Columns, {l}Values(e), nil); err != nil {{");
        go.Line("\t\treturn e, err").Line("\t}");
        go.Line($"\treturn s.Get{e}(ctx, id)");
        go.Line("}");
        go.Line();
        go.Line($"// Delete{e} removes a {e} (httpx.ErrInUse while another record refers to it).");
        go.Line($"func (s *Store) Delete{e}(ctx context.Context, id string) error {{");
        go.Line($"\treturn s.remove(ctx, {table}, id)");
        go.Line("}");
        foreach (var action in entity.Actions)
        {
            var names = string.Join(", ", action.Fields.Select(f => GoText.Quote(f.Name)));
            var values = string.Join(", ", action.Fields.Select(ValueOf));
            go.Line();
            go.Line($"// {action.Method}{e} {GoAction.Describe(action.Fields)} at the version read.");
            go.Line($"func (s *Store) {action.Method}{e}(ctx context.Context, id string, version int64, e model.{e}) "
                + $"(model.{e}, error) {{");
            if (action.Fields.Any(f => f.RefEntity is not null)) CheckRefs("\"\"");
            if (action.Rpc.Emits is { } emits)
            {
                var members = EventHeader.Concat(action.Fields.Select(f => $"{GoText.Quote(f.Name)}: e.{f.GoName}"));
                var body = $"map[string]any{{{string.Join(", ", members)}}}";
                go.Line($"\tevent := &Event{{Name: {GoText.Quote(emits)}, Payload: {body}}}");
            }
            else go.Line("\tvar event *Event");
            go.Line($"\tif err := s.update(ctx, {table}, id, version, []string{{{names}}}, []any{{{values}}}, event); err != nil {{");
            go.Line("\t\treturn e, err").Line("\t}");
            go.Line($"\treturn s.Get{e}(ctx, id)");
            go.Line("}");
        }
        WriteRefHelpers(go, entity, all);
        if (entity.Fields.Any(f => f.Scalar.Kind == FieldKind.DateTime && f.IsList)) go.Import("time");
        return new ScaffoldFile($"internal/store/{Naming.ToLowerSnake(e)}.go", go.ToString());
    }

    private static readonly string[] EventHeader = ["\"id\": id", "\"version\": version + 1"];

    private static void WriteEmbedAndCheck(GoSource go, GoEntity entity, IReadOnlyList<GoEntity> all, List<GoField> refs)
    {
        var e = entity.Name;
        go.Line();
        go.Line($"func (s *Store) embed{e}(ctx context.Context, e *model.{e}) {{");
        foreach (var f in refs)
        {
            var target = all.First(x => x.Name == f.RefEntity);
            go.Line(f.IsList
                ? $"\te.{f.GoName} = s.{GoText.Local(target.Plural)}ByRef(ctx, e.{f.GoName})"
                : $"\te.{f.GoName} = s.{target.Local}ByRef(ctx, e.{f.GoName})");
        }
        go.Line("}");
        go.Line();
        go.Line($"func (s *Store) check{e}Refs(ctx context.Context, e model.{e}, prefix string) error {{");
        go.Line("\treturn s.checkRefs(ctx,");
        foreach (var f in refs)
        {
            var target = all.First(x => x.Name == f.RefEntity);
            var ids = f.IsList ? $"{target.Local}IDs(e.{f.GoName})" : $"{target.Local}Key(e.{f.GoName})";
            var list = f.IsList ? "true" : "false";
            go.Line($"\t\trefs{{table: {GoText.Quote(target.Table)}, field: prefix + {GoText.Quote(f.Name)}, list: {list}, ids: {ids}}},");
        }
        go.Line("\t)");
        go.Line("}");
    }

    /// <summary>What other entities need to refer to this one: its id as a column value, a stub from a column, embedding.</summary>
    private static void WriteRefHelpers(GoSource go, GoEntity entity, IReadOnlyList<GoEntity> all)
    {
        var fields = all.SelectMany(x => x.References).Where(f => f.RefEntity == entity.Name).ToList();
        var (e, l, lp) = (entity.Name, entity.Local, GoText.Local(entity.Plural));
        if (fields.Any(f => !f.IsList))
        {
            go.Line().Line($"func {l}Key(ref *model.{e}) []string {{");
            go.Line("\tif ref == nil {").Line("\t\treturn nil").Line("\t}");
            go.Line("\treturn []string{ref.ID}");
            go.Line("}");
            go.Line().Line($"func {l}ID(ref *model.{e}) any {{");
            go.Line("\tif ref == nil {").Line("\t\treturn nil").Line("\t}");
            go.Line("\treturn ref.ID");
            go.Line("}");
            go.Line().Line($"func {l}Ref(v sql.NullString) *model.{e} {{");
            go.Line("\tif !v.Valid {").Line("\t\treturn nil").Line("\t}");
            go.Line($"\treturn &model.{e}{{ID: v.String}}");
            go.Line("}");
            go.Line().Line($"// {l}ByRef reads the record a reference names; its own references stay ids (no cycles).");
            go.Line($"func (s *Store) {l}ByRef(ctx context.Context, ref *model.{e}) *model.{e} {{");
            go.Line("\tif ref == nil {").Line("\t\treturn nil").Line("\t}");
            go.Line($"\tfound, err := s.load{e}(ctx, ref.ID)");
            go.OnError("return ref");
            go.Line("\treturn &found");
            go.Line("}");
        }
        if (fields.Any(f => f.IsList))
        {
            go.Line().Line($"func {l}IDs(refs []model.{e}) []string {{");
            go.Line("\tif refs == nil {").Line("\t\treturn nil").Line("\t}");
            go.Line("\tids := make([]string, len(refs))");
            go.Line("\tfor i := range refs {").Line("\t\tids[i] = refs[i].ID").Line("\t}");
            go.Line("\treturn ids");
            go.Line("}");
            go.Line().Line($"func {l}Refs(v sql.NullString) []model.{e} {{");
            go.Line("\tids := fromList[string](v)");
            go.Line("\tif ids == nil {").Line("\t\treturn nil").Line("\t}");
            go.Line($"\trefs := make([]model.{e}, len(ids))");
            go.Line("\tfor i, id := range ids {").Line("\t\trefs[i].ID = id").Line("\t}");
            go.Line("\treturn refs");
            go.Line("}");
            go.Line().Line($"func (s *Store) {lp}ByRef(ctx context.Context, refs []model.{e}) []model.{e} {{");
            go.Line("\tfor i := range refs {");
            go.Line($"\t\tif found, err := s.load{e}(ctx, refs[i].ID); err == nil {{").Line("\t\t\trefs[i] = found").Line("\t\t}");
            go.Line("\t}");
            go.Line("\treturn refs");
            go.Line("}");
        }
    }

    private static string ValueOf(GoField f)
    {
        var x = "e." + f.GoName;
        if (f.RefEntity is { } target) return f.IsList ? $"list({GoText.Local(target)}IDs({x}))" : $"{GoText.Local(target)}ID({x})";
        if (f.IsList) return $"list({x})";
        return f.Scalar.Kind switch
        {
            FieldKind.Integer32 or FieldKind.Integer64 => $"whole({x})",
            FieldKind.Number => $"float({x})",
            FieldKind.Boolean => $"flag({x})",
            FieldKind.DateTime => $"instant({x})",
            _ => $"text({x})",
        };
    }

    private static string NullType(GoField f) => f.IsList ? "sql.NullString" : f.Scalar.Kind switch
    {
        FieldKind.Integer32 or FieldKind.Integer64 => "sql.NullInt64",
        FieldKind.Number => "sql.NullFloat64",
        FieldKind.Boolean => "sql.NullBool",
        _ => "sql.NullString",
    };

    private static string FromColumn(GoField f, string c)
    {
        if (f.RefEntity is { } target) return f.IsList ? $"{GoText.Local(target)}Refs({c})" : $"{GoText.Local(target)}Ref({c})";
        if (f.IsList) return $"fromList[{f.ScalarGoType("model.")}]({c})";
        return f.Scalar.Kind switch
        {
            FieldKind.Integer32 => $"fromInt32({c})",
            FieldKind.Integer64 => $"fromInt64({c})",
            FieldKind.Number => $"fromReal({c})",
            FieldKind.Boolean => $"fromFlag({c})",
            FieldKind.DateTime => $"fromInstant({c})",
            _ => $"fromText({c})",
        };
    }
}
