namespace Jiedan.Domain.Scaffold;

/// <summary><c>internal/app/routes.go</c>: every route of the contract with its handler, whatever the framework.</summary>
internal static class RoutesWriter
{
    public static ScaffoldFile Write(IReadOnlyList<GoEntity> entities, string module)
    {
        var go = new GoSource("app");
        go.Import("database/sql").Import("net/http").Import($"{module}/internal/store");
        entities = [.. entities.Where(e => e.Rpcs.Count > 0)];
        foreach (var entity in entities) go.Import($"{module}/internal/{entity.Package}");
        go.Line("// Route is one operation: the method, the path as the contract writes it, and its handler.");
        go.Line("type Route struct {");
        go.Lines(GoText.Align([
            ["Method", "string"],
            ["Path", "string"],
            ["Handle", "func(w http.ResponseWriter, r *http.Request, id string)"],
        ], "\t"));
        go.Line("}");
        go.Line();
        go.Line("// Routes lists every route served: the operational ones (/health, /openapi.yaml) and the contract's.");
        go.Line("func Routes(db *sql.DB) []Route {");
        go.Line("\treturn append([]Route{");
        go.Line("\t\t{http.MethodGet, \"/health\", health},");
        go.Line("\t\t{http.MethodGet, \"/openapi.yaml\", openAPI},");
        go.Line("\t}, ContractRoutes(db)...)");
        go.Line("}");
        go.Line();
        go.Line("// ContractRoutes lists the operations of the contract (what -routes prints for the gate); db may be nil to list them.");
        go.Line("func ContractRoutes(db *sql.DB) []Route {");
        go.Line("\ts := store.New(db)");
        foreach (var entity in entities) go.Line($"\t{Var(entity)} := {entity.Package}.NewHandler(s)");
        go.Line("\treturn []Route{");
        foreach (var entity in entities)
        {
            foreach (var rpc in entity.Rpcs)
            {
                var method = Method(entity, rpc);
                var verb = char.ToUpperInvariant(rpc.HttpMethod[0]) + rpc.HttpMethod[1..];
                go.Line($"\t\t{{http.Method{verb}, {GoText.Quote(rpc.Path)}, {Var(entity)}.{method}}},");
            }
        }
        go.Line("\t}");
        go.Line("}");
        return new ScaffoldFile("internal/app/routes.go", go.ToString());
    }

    public static string Var(GoEntity entity) => GoText.Local(entity.Plural) + "Handler";

    public static string Method(GoEntity entity, Contract.PlannedRpc rpc) =>
        entity.Actions.FirstOrDefault(a => a.Rpc == rpc)?.Method
        ?? Verbs.First(v => rpc.Name.StartsWith(v, StringComparison.Ordinal));

    private static readonly string[] Verbs = ["Create", "Get", "List", "Update", "Delete"];
}
