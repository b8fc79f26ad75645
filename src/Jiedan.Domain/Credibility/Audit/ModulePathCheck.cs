using System.Globalization;
using System.Text.RegularExpressions;

namespace Jiedan.Domain.Credibility.Audit;

/// <summary>
/// go.mod's <c>module</c> equals the remote's host/owner/repo, plus <c>/vN</c> when the highest semver tag's major N is
/// 2 or more. A <c>/vN</c> one above the highest tag's major (at least 1) is accepted too: the next major in development
/// (<c>/v2</c> before the first v2 tag, <c>/v3</c> after v2.x). The host compares case-insensitively, the path exactly (Go refuses a module
/// required under another case).
/// </summary>
public static partial class ModulePathCheck
{
    [GeneratedRegex(@"/v([2-9]|[1-9]\d+)$")]
    private static partial Regex MajorSuffix();

    public static CredibilityCheck Evaluate(RepositoryFacts facts, AuditLanguage l)
    {
        const string id = AuditWeights.ModulePath;
        if (facts.GoMod is not { } goMod)
            return AuditWeights.Check(id, false, l.Say("no go.mod at the repository root", "仓库根目录没有 go.mod"),
                l.Say("run 'go mod init HOST/OWNER/REPO' with the repository's URL", "用仓库地址运行 'go mod init HOST/OWNER/REPO'"));
        if (goMod.Text is null)
            return AuditWeights.Check(id, false, $"{goMod.Path}: {goMod.Problem}",
                l.Say("make go.mod a regular, small text file", "让 go.mod 成为普通的小文本文件"));
        if (GoModFile.ModulePath(goMod.Text) is not var (module, line))
            return AuditWeights.Check(id, false, l.Say($"{goMod.Path}: no module directive", $"{goMod.Path}：没有 module 指令"),
                l.Say("add 'module HOST/OWNER/REPO' to go.mod", "在 go.mod 中加入 'module HOST/OWNER/REPO'"));
        if (facts.Remote is not { } remote)
            return AuditWeights.Check(id, false,
                l.Say($"{goMod.Path}:{line} module {module}; no remote to compare with ({facts.RemoteProblem ?? "not a URL"})",
                    $"{goMod.Path}:{line} module {module}；没有可比较的远程地址（{facts.RemoteProblem ?? "不是 URL"}）"),
                l.Say("add the remote: git remote add origin URL (or pass --remote URL)",
                    "添加远程地址：git remote add origin URL（或传入 --remote URL）"));
        var expected = Expected(remote, module, facts.Tags);
        var passed = string.Equals(module, expected, StringComparison.Ordinal);
        var where = $"{goMod.Path}:{line}";
        if (passed)
            return AuditWeights.Check(id, true, l.Say($"{where} module {module} matches the remote", $"{where} module {module} 与远程地址一致"),
                "");
        var caseOnly = string.Equals(module, expected, StringComparison.OrdinalIgnoreCase);
        return AuditWeights.Check(id, false,
            l.Say($"{where} module {module}, expected {expected}{(caseOnly ? " (differs in case)" : "")}",
                $"{where} module {module}，应为 {expected}{(caseOnly ? "（大小写不同）" : "")}"),
            l.Say($"set 'module {expected}' in go.mod and update the imports", $"把 go.mod 改为 'module {expected}' 并更新 import 路径"));
    }

    /// <summary>The module path the remote and the tags call for, given what go.mod declares.</summary>
    public static string Expected(GitRemote remote, string module, IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(remote);
        ArgumentNullException.ThrowIfNull(module);
        var highest = SemverTag.Of(tags).Select(t => t.Major).DefaultIfEmpty(0).Max();
        var declared = MajorSuffix().Match(module) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var prefix = remote.ModulePrefix;
        // The host compares case-insensitively: keep what go.mod wrote when only the host's case differs.
        if (module.Length >= remote.Host.Length
            && string.Equals(module[..remote.Host.Length], remote.Host, StringComparison.OrdinalIgnoreCase))
            prefix = module[..remote.Host.Length] + "/" + remote.Path;
        var major = declared == Math.Max(highest, 1) + 1 ? declared : highest >= 2 ? highest : 0;
        return major >= 2 ? $"{prefix}/v{major.ToString(CultureInfo.InvariantCulture)}" : prefix;
    }
}
