namespace Jiedan.Domain.Credibility.Audit;

/// <summary>
/// The module layouts go.dev/doc/modules/layout describes: a single-package library or a command at the root, commands in
/// cmd/NAME (or, without cmd/, one top-level directory per command), supporting packages of a root command in internal/,
/// contracts (.proto, OpenAPI, GraphQL) in api/. pkg/ is optional: never required, never a finding. A layout fails only
/// for what it gets wrong: a command buried in a package tree, a root command's packages left importable outside
/// internal/, contracts scattered outside api/.
/// </summary>
public static class LayoutCheck
{
    public static CredibilityCheck Evaluate(RepositoryFacts facts, AuditLanguage l)
    {
        const string id = AuditWeights.Layout;
        var packages = facts.Packages;
        if (packages.Count == 0)
            return AuditWeights.Check(id, false, l.Say("no Go packages found", "没有找到 Go 包"),
                l.Say("add Go sources: a package at the root, commands in cmd/NAME", "添加 Go 源码：根目录放包，命令放在 cmd/NAME"));
        var hasCmd = packages.Any(p => Under(p.Directory, "cmd"));
        var root = packages.FirstOrDefault(p => p.Directory.Length == 0);
        var mains = packages.Where(p => p.Name == "main").ToList();
        var shape = new List<string>();
        var findings = new List<string>();
        if (root is not null) shape.Add(root.Name == "main" ? l.Say("command at the root",
            "根目录是命令") : l.Say("package at the root", "根目录是包"));
        var commands = mains.Where(m => Under(m.Directory, "cmd")).Select(m => m.Directory).ToList();
        if (commands.Count > 0) shape.Add(l.Say($"commands in cmd/ ({commands.Count})", $"cmd/ 下有 {commands.Count} 个命令"));
        foreach (var main in mains.Where(m => m.Directory.Length > 0 && !Under(m.Directory, "cmd")))
        {
            var topLevel = !main.Directory.Contains('/', StringComparison.Ordinal);
            if (topLevel && !hasCmd) shape.Add(l.Say($"command in {main.Directory}/", $"{main.Directory}/ 是命令"));
            else findings.Add(l.Say($"command (package main) in {main.Directory}/, outside cmd/",
                $"命令（package main）位于 {main.Directory}/，不在 cmd/ 下"));
        }
        var internals = packages.Count(p => Under(p.Directory, "internal") || p.Directory.Contains("/internal", StringComparison.Ordinal));
        if (internals > 0) shape.Add(l.Say($"private code in internal/ ({internals} packages)", $"internal/ 下有 {internals} 个私有包"));
        if (packages.Any(p => Under(p.Directory, "pkg"))) shape.Add(l.Say("pkg/ (optional)", "pkg/（可选）"));
        if (root?.Name == "main")
        {
            var exposed = packages.Where(p => p.Name != "main" && p.Directory.Length > 0 && !Under(p.Directory, "internal")
                && !p.Directory.Contains("/internal", StringComparison.Ordinal) && !Under(p.Directory, "pkg")
                && !Under(p.Directory, "api")).ToList();
            if (exposed.Count > 0)
                findings.Add(l.Say($"the root command's supporting packages outside internal/: {List(exposed.Select(p => p.Directory))}",
                    $"根目录命令的支撑包不在 internal/ 下：{List(exposed.Select(p => p.Directory))}"));
        }
        var contracts = facts.ContractFiles;
        var inApi = contracts.Count(c => Under(c, "api"));
        if (inApi > 0) shape.Add(l.Say($"contracts in api/ ({inApi} files)", $"api/ 下有 {inApi} 个契约文件"));
        var scattered = contracts.Where(c => !Under(c, "api")).ToList();
        if (scattered.Count > 0)
            findings.Add(l.Say($"contract files outside api/: {List(scattered)}", $"契约文件不在 api/ 下：{List(scattered)}"));
        var evidence = string.Join(", ", shape);
        if (findings.Count > 0) evidence += (evidence.Length > 0 ? "; " : "") + string.Join("; ", findings);
        return AuditWeights.Check(id, findings.Count == 0, evidence,
            l.Say("move commands to cmd/NAME, a root command's packages to internal/, contracts to api/ (see go.dev/doc/modules/layout)",
                "把命令移到 cmd/NAME，根目录命令的支撑包移到 internal/，契约文件移到 api/（见 go.dev/doc/modules/layout）"));
    }

    private static bool Under(string path, string top) =>
        path == top || path.StartsWith(top + "/", StringComparison.Ordinal);

    private static string List(IEnumerable<string> items)
    {
        var all = items.ToList();
        return string.Join(", ", all.Take(5)) + (all.Count > 5 ? $" (+{all.Count - 5})" : "");
    }
}
