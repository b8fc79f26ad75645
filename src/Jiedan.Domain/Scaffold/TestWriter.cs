using Jiedan.Domain.Contract;

namespace Jiedan.Domain.Scaffold;

/// <summary>
/// The generated tests: <c>internal/testkit/samples.go</c> (a valid body per entity, seeded references), each entity's rule
/// table (<c>validate_test.go</c>), its operations through the handlers (<c>handler_test.go</c>) and its store
/// (<c>internal/store/&lt;entity&gt;_test.go</c>).
/// </summary>
internal static class TestWriter
{
    public static string RefId(string entity) => $"ids[{GoText.Quote(entity)}]";

    public static ScaffoldFile Samples(IReadOnlyList<GoEntity> entities, string module)
    {
        var go = new GoSource("testkit");
        go.Import("testing").Import($"{module}/internal/store");
        var targets = entities.Where(x => entities.SelectMany(e => e.References).Any(f => f.RefEntity == x.Name)).ToList();
        go.Line("// Seed stores one empty record of every entity others refer to, so that references have something to name.");
        go.Line("func Seed(t testing.TB, s *store.Store) map[string]string {");
        go.Line("\tt.Helper()");
        go.Line("\tids := map[string]string{}");
        if (targets.Count == 0) go.Line("\t_ = s");
        else go.Import("context").Import($"{module}/internal/model").Line("\tctx := context.Background()");
        foreach (var target in targets)
        {
            go.Line($"\tif e, err := s.Create{target.Name}(ctx, model.{target.Name}{{}}, \"\"); err != nil {{");
            go.Line("\t\tt.Fatal(err)");
            go.Line("\t} else {");
            go.Line($"\t\tids[{GoText.Quote(target.Name)}] = e.ID");
            go.Line("\t}");
        }
        go.Line("\treturn ids");
        go.Line("}");
        var json = false;
        foreach (var entity in entities)
        {
            go.Line();
            go.Line($"// Valid{entity.Name} is a {entity.Name} body every rule accepts; ids come from Seed.");
            go.Line($"func Valid{entity.Name}(ids map[string]string) map[string]any {{");
            go.Line("\tbody := map[string]any{}");
            foreach (var field in entity.Fields)
            {
                var value = TestValues.Valid(field, RefId);
                if (value is null) continue;
                json |= value.Contains("json.Number", StringComparison.Ordinal);
                go.Line($"\tbody[{GoText.Quote(field.Name)}] = {value}");
            }
            if (!entity.References.Any()) go.Line("\t_ = ids");
            go.Line("\treturn body");
            go.Line("}");
        }
        if (json) go.Import("encoding/json");
        return new ScaffoldFile("internal/testkit/samples.go", go.ToString());
    }

    public static ScaffoldFile Rules(GoEntity entity, string module)
    {
        var go = new GoSource(entity.Package);
        go.Import("testing").Import($"{module}/internal/httpx").Import($"{module}/internal/testkit");
        go.Line("func problems(t *testing.T, body map[string]any) []httpx.FieldError {");
        go.Line("\tt.Helper()");
        go.Line("\tf, problem := httpx.Parse(testkit.JSON(t, body))");
        go.Line("\tif problem != \"\" {").Line("\t\tt.Fatal(problem)").Line("\t}");
        go.Line("\te := decode(f)");
        go.Line("\tf.Unknown()");
        go.Line("\tif len(f.Errors) > 0 {").Line("\t\treturn f.Errors").Line("\t}");
        go.Line("\treturn check(&e, \"\")");
        go.Line("}");
        go.Line();
        go.Line($"// Test{entity.Name}Rules sets one field at a time on a valid {entity.Name}: each bound at and past its edge.");
        go.Line($"func Test{entity.Name}Rules(t *testing.T) {{");
        var refs = entity.References.Select(f => f.RefEntity!).Distinct().ToList();
        var fixedIds = string.Join(", ", refs.Select(r => $"{GoText.Quote(r)}: {GoText.Quote(Examples.Uuid)}"));
        go.Line($"\tids := map[string]string{{{fixedIds}}}");
        go.Line($"\tif found := problems(t, testkit.Valid{entity.Name}(ids)); len(found) > 0 {{");
        go.Line($"\t\tt.Fatalf(\"the valid {entity.Name} was refused: %v\", found)");
        go.Line("\t}");
        go.Lines(CaseTable("\t"));
        var json = false;
        foreach (var c in entity.Fields.SelectMany(f => TestValues.Cases(f, RefId)))
        {
            json |= c.Value.Contains("json.Number", StringComparison.Ordinal);
            var bad = c.Bad ? "true" : "false";
            go.Line($"\t\t{{{GoText.Quote(c.Name)}, {GoText.Quote(c.Field)}, {GoText.Quote(c.Path)}, {c.Value}, {bad}}},");
        }
        go.Line("\t\t{\"an unknown member\", \"zz_not_a_field\", \"zz_not_a_field\", true, true},");
        go.Line("\t}");
        go.Line("\tfor _, c := range cases {");
        go.Line($"\t\tfound := problems(t, testkit.With(testkit.Valid{entity.Name}(ids), c.field, c.value))");
        go.Line("\t\tif testkit.Names(found, c.path) != c.bad {");
        go.Line("\t\t\tt.Errorf(\"%s: want refused=%v, got problems %v\", c.name, c.bad, found)");
        go.Line("\t\t}");
        go.Line("\t}");
        go.Line("}");
        if (json) go.Import("encoding/json");
        return new ScaffoldFile($"internal/{entity.Package}/validate_test.go", go.ToString());
    }

    private static IEnumerable<string> CaseTable(string indent)
    {
        yield return indent + "cases := []struct {";
        foreach (var line in GoText.Align([["name, field, path", "string"], ["value", "any"], ["bad", "bool"]], indent + "\t"))
            yield return line;
        yield return indent + "}{";
    }

    public static ScaffoldFile Operations(GoEntity entity, string module)
    {
        var e = entity.Name;
        var path = "/" + entity.Table;
        var collection = GoText.Quote(path);
        var missingItem = $"{GoText.Quote(path + "/")}+testkit.MissingID, testkit.MissingID";
        var go = new GoSource(entity.Package);
        go.Import("context").Import("testing")
            .Import($"{module}/internal/model").Import($"{module}/internal/store").Import($"{module}/internal/testkit");
        if (entity.Rpcs.Count > 0) go.Import("net/http");
        go.Line($"// Test{e}Operations drives every operation of the contract through the handlers.");
        go.Line($"func Test{e}Operations(t *testing.T) {{");
        go.Line("\ts := store.New(testkit.DB(t))");
        go.Line("\th := NewHandler(s)");
        go.Line("\tids := testkit.Seed(t, s)");
        go.Line($"\tbody := testkit.Valid{e}(ids)");
        go.Line("\tctx := context.Background()");
        if (entity.Rpc("Create") is not null)
        {
            go.Line($"\trec := testkit.Do(h.Create, http.MethodPost, {GoText.Quote(path)}, \"\", body)");
            go.Line("\tif rec.Code != http.StatusCreated {").Line("\t\tt.Fatalf(\"create: %d %s\", rec.Code, rec.Body)").Line("\t}");
            go.Line($"\tcreated := testkit.Decode[model.{e}](t, rec.Body.Bytes())");
            var post = $"testkit.Do(h.Create, http.MethodPost, {collection}, \"\", ";
            Expect(go, post + "testkit.With(body, \"zz_not_a_field\", 1))", 400, "zz_not_a_field");
            Expect(go, post + "\"[1]\")", 400, null);
            foreach (var f in entity.Fields.Where(f => f.Constraints.Unique && !f.IsList && TestValues.Valid(f, RefId) is not null))
                Expect(go, post + "body)", 409, f.Name);
            foreach (var f in entity.References.Where(f => !f.IsList))
                Expect(go, post + $"testkit.With(body, {GoText.Quote(f.Name)}, map[string]any{{\"id\": testkit.MissingID}}))", 400, f.Name);
        }
        else
        {
            go.Line($"\tcreated, err := s.Create{e}(ctx, testkit.Decode[model.{e}](t, testkit.JSON(t, body)), \"\")");
            go.OnError("t.Fatal(err)");
        }
        go.Line("\tid, version := created.ID, created.Version");
        go.Line($"\titem := {GoText.Quote(path + "/")} + id");
        if (entity.Rpc("Get") is not null)
        {
            go.Line("\tif rec := testkit.Do(h.Get, http.MethodGet, item, id, nil); rec.Code != http.StatusOK {");
            go.Line("\t\tt.Fatalf(\"get: %d %s\", rec.Code, rec.Body)");
            go.Line("\t} else if got := testkit.Decode[model." + e + "](t, rec.Body.Bytes()); got.ID != id || got.Version != version {");
            go.Line("\t\tt.Fatalf(\"get: %+v\", got)");
            go.Line("\t}");
            Expect(go, $"testkit.Do(h.Get, http.MethodGet, {missingItem}, nil)", 404, null);
        }
        if (entity.Rpc("List") is not null)
        {
            var items = GoText.Exported(entity.ListField);
            go.Line("\tfor i := 0; i < 2; i++ {");
            go.Line($"\t\tif _, err := s.Create{e}(ctx, model.{e}{{}}, \"\"); err != nil {{").Line("\t\t\tt.Fatal(err)").Line("\t\t}");
            go.Line("\t}");
            // Seeded records of referenced entities may share the table: count what is there, then walk it in pages of 2.
            go.Line($"\tall := testkit.Do(h.List, http.MethodGet, {GoText.Quote(path + "?page_size=1000")}, \"\", nil)");
            go.Line($"\ttotal := len(testkit.Decode[page](t, all.Body.Bytes()).{items})");
            go.Line("\tvar walked []string");
            go.Line($"\tnext := {GoText.Quote(path + "?page_size=2")}");
            go.Line("\tfor pages := 0; next != \"\" && pages <= total; pages++ {");
            go.Line("\t\tp := testkit.Decode[page](t, testkit.Do(h.List, http.MethodGet, next, \"\", nil).Body.Bytes())");
            go.Line($"\t\tif len(p.{items}) > 2 {{").Line("\t\t\tt.Fatalf(\"a page of 2 held %d\", len(p." + items + "))").Line("\t\t}");
            go.Line($"\t\tfor _, e := range p.{items} {{").Line("\t\t\twalked = append(walked, e.ID)").Line("\t\t}");
            go.Line("\t\tnext = \"\"");
            go.Line("\t\tif p.NextPageToken != \"\" {");
            go.Line($"\t\t\tnext = {GoText.Quote(path + "?page_size=2&page_token=")} + p.NextPageToken");
            go.Line("\t\t}");
            go.Line("\t}");
            go.Line("\tif total < 3 || len(walked) != total || !testkit.Contains(walked, id) {");
            go.Line("\t\tt.Fatalf(\"paging walked %v of %d records\", walked, total)");
            go.Line("\t}");
            Expect(go, $"testkit.Do(h.List, http.MethodGet, {GoText.Quote(path + "?page_size=5000")}, \"\", nil)", 400, "page_size");
        }
        if (entity.Rpc("Update") is not null)
        {
            var member = Naming.ToLowerSnake(e);
            go.Line($"\tput := func(v int64) map[string]any {{ return map[string]any{{\"version\": v, {GoText.Quote(member)}: body}} }}");
            go.Line("\tif rec := testkit.Do(h.Update, http.MethodPut, item, id, put(version)); rec.Code != http.StatusOK {");
            go.Line("\t\tt.Fatalf(\"update: %d %s\", rec.Code, rec.Body)");
            go.Line("\t}");
            go.Line("\tversion++");
            Expect(go, "testkit.Do(h.Update, http.MethodPut, item, id, put(version-1))", 409, null);
            Expect(go, $"testkit.Do(h.Update, http.MethodPut, {missingItem}, put(version))", 404, null);
            Expect(go, $"testkit.Do(h.Update, http.MethodPut, item, id, map[string]any{{{GoText.Quote(member)}: body}})", 400, "version");
            Expect(go, "testkit.Do(h.Update, http.MethodPut, item, id, map[string]any{\"version\": version})", 400, member);
            var cases = entity.Fields.SelectMany(f => TestValues.Cases(f, RefId));
            if (cases.FirstOrDefault(c => c.Bad && c.Path == c.Field && !c.Value.Contains("ids[", StringComparison.Ordinal)) is { } bad)
            {
                var broken = $"testkit.With(body, {GoText.Quote(bad.Field)}, {bad.Value})";
                go.Line($"\tbadBody := map[string]any{{\"version\": version, {GoText.Quote(member)}: {broken}}}");
                Expect(go, "testkit.Do(h.Update, http.MethodPut, item, id, badBody)", 400, member + "." + bad.Field);
                if (bad.Value.Contains("json.Number", StringComparison.Ordinal)) go.Import("encoding/json");
            }
        }
        foreach (var action in entity.Actions)
        {
            var m = action.Method;
            var target = GoText.Quote(action.Rpc.Path.Replace("{id}", "", StringComparison.Ordinal));
            go.Line($"\tact{m} := func(v int64) map[string]any {{");
            go.Line("\t\tb := map[string]any{\"version\": v}");
            foreach (var f in action.Fields)
            {
                go.Line($"\t\tif value, ok := body[{GoText.Quote(f.Name)}]; ok {{");
                go.Line($"\t\t\tb[{GoText.Quote(f.Name)}] = value").Line("\t\t}");
            }
            go.Line("\t\treturn b");
            go.Line("\t}");
            go.Line($"\tif rec := testkit.Do(h.{m}, http.MethodPost, {target}, id, act{m}(version)); rec.Code != http.StatusOK {{");
            go.Line($"\t\tt.Fatalf(\"{action.Segment}: %d %s\", rec.Code, rec.Body)");
            go.Line("\t}");
            go.Line("\tversion++");
            Expect(go, $"testkit.Do(h.{m}, http.MethodPost, {target}, id, act{m}(version-1))", 409, null);
            Expect(go, $"testkit.Do(h.{m}, http.MethodPost, {target}, testkit.MissingID, act{m}(version))", 404, null);
            Expect(go, $"testkit.Do(h.{m}, http.MethodPost, {target}, id, map[string]any{{}})", 400, "version");
            Expect(go, $"testkit.Do(h.{m}, http.MethodPost, {target}, id, \"[]\")", 400, null);
        }
        if (entity.Rpc("Delete") is not null)
        {
            go.Line("\tif rec := testkit.Do(h.Delete, http.MethodDelete, item, id, nil); rec.Code != http.StatusNoContent {");
            go.Line("\t\tt.Fatalf(\"delete: %d %s\", rec.Code, rec.Body)");
            go.Line("\t}");
            Expect(go, "testkit.Do(h.Delete, http.MethodDelete, item, id, nil)", 404, null);
        }
        go.Line(entity.Rpcs.Count > 0 ? "\t_, _, _ = ctx, item, version" : "\t_, _, _, _ = ctx, item, version, h");
        go.Line("}");
        return new ScaffoldFile($"internal/{entity.Package}/handler_test.go", go.ToString());
    }

    private static void Expect(GoSource go, string call, int status, string? field)
    {
        go.Line($"\tif rec := {call}; rec.Code != {status} {{");
        go.Line($"\t\tt.Errorf(\"want {status}, got %d %s\", rec.Code, rec.Body)");
        if (field is not null)
        {
            go.Line($"\t}} else if !testkit.Names(testkit.Problems(t, rec), {GoText.Quote(field)}) {{");
            go.Line($"\t\tt.Errorf(\"the problem does not name {field}: %s\", rec.Body)");
        }
        go.Line("\t}");
    }

    public static ScaffoldFile Store(GoEntity entity, IReadOnlyList<GoEntity> all, string module)
    {
        var e = entity.Name;
        var go = new GoSource("store_test");
        go.Import("context").Import("errors").Import("net/http").Import("net/http/httptest").Import("testing")
            .Import($"{module}/internal/httpx").Import($"{module}/internal/model").Import($"{module}/internal/store")
            .Import($"{module}/internal/testkit");
        go.Line($"// Test{e}Store: create, read, page, replace at a version, actions, references, unique values, delete.");
        go.Line($"func Test{e}Store(t *testing.T) {{");
        go.Line("\ts := store.New(testkit.DB(t))");
        go.Line("\tctx := context.Background()");
        go.Line("\tids := testkit.Seed(t, s)");
        go.Line($"\tsample := testkit.Decode[model.{e}](t, testkit.JSON(t, testkit.Valid{e}(ids)))");
        go.Line($"\tcreated, err := s.Create{e}(ctx, sample, \"\")");
        go.Line("\tif err != nil || created.Version != 1 {").Line("\t\tt.Fatalf(\"create: %v %+v\", err, created)").Line("\t}");
        go.Line($"\tgot, err := s.Get{e}(ctx, created.ID)");
        go.Line("\tif err != nil || string(testkit.JSON(t, got)) != string(testkit.JSON(t, created)) {");
        go.Line("\t\tt.Fatalf(\"get: %v %+v\", err, got)").Line("\t}");
        foreach (var f in entity.Fields.Where(f => f.RefEntity is null))
        {
            go.Line($"\tif string(testkit.JSON(t, got.{f.GoName})) != string(testkit.JSON(t, sample.{f.GoName})) {{");
            go.Line($"\t\tt.Errorf(\"{f.Name} changed on the way through the database: %s\", testkit.JSON(t, got.{f.GoName}))");
            go.Line("\t}");
        }
        foreach (var f in entity.References.Where(f => !f.IsList))
        {
            go.Line($"\tif sample.{f.GoName} != nil && (got.{f.GoName} == nil || got.{f.GoName}.ID != sample.{f.GoName}.ID) {{");
            go.Line($"\t\tt.Errorf(\"{f.Name} was not read back\")");
            go.Line("\t}");
        }
        go.Line("\tfor i := 0; i < 2; i++ {");
        go.Line($"\t\tif _, err := s.Create{e}(ctx, model.{e}{{}}, \"\"); err != nil {{").Line("\t\t\tt.Fatal(err)").Line("\t\t}");
        go.Line("\t}");
        go.Line($"\tall, _, err := s.List{entity.Plural}(ctx, httpx.Page{{Size: 1000}})");
        go.Line("\tif err != nil || len(all) < 3 {").Line("\t\tt.Fatalf(\"list: %v %d\", err, len(all))").Line("\t}");
        go.Line("\tvar walked []string");
        go.Line("\tp := httpx.Page{Size: 2}");
        go.Line("\tfor pages := 0; pages <= len(all); pages++ {");
        go.Line($"\t\titems, next, err := s.List{entity.Plural}(ctx, p)");
        go.Line("\t\tif err != nil || len(items) > 2 {").Line("\t\t\tt.Fatalf(\"page: %v %d\", err, len(items))").Line("\t\t}");
        go.Line("\t\tfor _, e := range items {").Line("\t\t\twalked = append(walked, e.ID)").Line("\t\t}");
        go.Line("\t\tif next == \"\" {").Line("\t\t\tbreak").Line("\t\t}");
        go.Line("\t\trequest := httptest.NewRequest(http.MethodGet, \"/?page_size=2&page_token=\"+next, nil)");
        go.Line("\t\tp, _ = httpx.ReadPage(httptest.NewRecorder(), request)");
        go.Line("\t}");
        go.Line("\tif len(walked) != len(all) || !testkit.Contains(walked, created.ID) {");
        go.Line("\t\tt.Fatalf(\"paging walked %d of %d records\", len(walked), len(all))").Line("\t}");
        go.Line($"\tif updated, err := s.Update{e}(ctx, created.ID, 1, sample, \"\"); err != nil || updated.Version != 2 {{");
        go.Line("\t\tt.Fatalf(\"update: %v %+v\", err, updated)").Line("\t}");
        go.Line($"\tif _, err := s.Update{e}(ctx, created.ID, 1, sample, \"\"); !errors.Is(err, httpx.ErrStale) {{");
        go.Line("\t\tt.Errorf(\"a stale update: %v\", err)").Line("\t}");
        go.Line($"\tif _, err := s.Update{e}(ctx, testkit.MissingID, 1, sample, \"\"); !errors.Is(err, httpx.ErrNotFound) {{");
        go.Line("\t\tt.Errorf(\"an update of nothing: %v\", err)").Line("\t}");
        var version = 2;
        foreach (var action in entity.Actions)
        {
            go.Line($"\tif done, err := s.{action.Method}{e}(ctx, created.ID, {version}, sample); "
                + $"err != nil || done.Version != {version + 1} {{");
            go.Line($"\t\tt.Fatalf(\"{action.Segment}: %v %+v\", err, done)").Line("\t}");
            go.Line($"\tif _, err := s.{action.Method}{e}(ctx, created.ID, {version}, sample); !errors.Is(err, httpx.ErrStale) {{");
            go.Line($"\t\tt.Errorf(\"a stale {action.Segment}: %v\", err)").Line("\t}");
            version++;
        }
        var refIndex = 0;
        foreach (var f in entity.References)
        {
            var target = all.First(x => x.Name == f.RefEntity);
            var refErr = $"refErr{refIndex++}";
            var missing = f.IsList
                ? $"[]model.{target.Name}{{{{ID: testkit.MissingID}}}}"
                : $"&model.{target.Name}{{ID: testkit.MissingID}}";
            var path = f.IsList ? f.Name + "[0]" : f.Name;
            go.Line($"\tvar {refErr} httpx.RefError");
            go.Line($"\tif _, err := s.Create{e}(ctx, model.{e}{{{f.GoName}: {missing}}}, \"\"); "
                + $"!errors.As(err, &{refErr}) || {refErr}.Field != {GoText.Quote(path)} {{");
            go.Line($"\t\tt.Errorf(\"a reference to nothing in {f.Name}: %v\", err)").Line("\t}");
            if (!f.IsList)
            {
                go.Line($"\tif sample.{f.GoName} != nil {{");
                go.Line($"\t\tif err := s.Delete{target.Name}(ctx, sample.{f.GoName}.ID); !errors.Is(err, httpx.ErrInUse) {{");
                go.Line($"\t\t\tt.Errorf(\"deleting the {target.Name} {f.Name} refers to: %v\", err)").Line("\t\t}");
                go.Line("\t}");
            }
        }
        foreach (var f in entity.Fields.Where(f => f.Constraints.Unique && !f.IsList && TestValues.Valid(f, TestWriter.RefId) is not null))
        {
            go.Line("\tvar unique httpx.UniqueError");
            go.Line($"\tif _, err := s.Create{e}(ctx, sample, \"\"); "
                + $"!errors.As(err, &unique) || unique.Field != {GoText.Quote(f.Name)} {{");
            go.Line($"\t\tt.Errorf(\"a second record with the same {f.Name}: %v\", err)").Line("\t}");
            break;
        }
        go.Line($"\tif err := s.Delete{e}(ctx, created.ID); err != nil {{").Line("\t\tt.Fatal(err)").Line("\t}");
        go.Line($"\tif err := s.Delete{e}(ctx, created.ID); !errors.Is(err, httpx.ErrNotFound) {{");
        go.Line("\t\tt.Errorf(\"a second delete: %v\", err)").Line("\t}");
        go.Line($"\tif _, err := s.Get{e}(ctx, created.ID); !errors.Is(err, httpx.ErrNotFound) {{");
        go.Line("\t\tt.Errorf(\"read after delete: %v\", err)").Line("\t}");
        go.Line("}");
        return new ScaffoldFile($"internal/store/{Naming.ToLowerSnake(e)}_test.go", go.ToString());
    }
}
