using System.Globalization;

namespace Jiedan.Domain.Credibility.Audit;

/// <summary>The README shows Quick Start (with a runnable command block), Architecture, Extensibility and Testing Strategy.</summary>
public static class ReadmeCheck
{
    public static CredibilityCheck Evaluate(RepositoryFacts facts, AuditLanguage l)
    {
        const string id = AuditWeights.Readme;
        if (facts.Readme is not { } readme)
            return AuditWeights.Check(id, false, l.Say("no README.md at the repository root", "仓库根目录没有 README.md"),
                l.Say("write README.md with Quick Start, Architecture, Extensibility and Testing Strategy sections",
                    "编写 README.md，包含 快速开始、架构、扩展、测试策略 四个部分"));
        if (readme.Text is null)
            return AuditWeights.Check(id, false, $"{readme.Path}: {readme.Problem}",
                l.Say("make the README a regular text file under 1 MiB", "让 README 成为 1 MiB 以内的普通文本文件"));
        var sections = ReadmeSections.Find(readme.Text);
        var found = new List<string>();
        var missing = new List<string>();
        foreach (var part in Enum.GetValues<ReadmePart>())
        {
            var s = sections.FirstOrDefault(x => x.Part == part);
            if (s is null) { missing.Add(Name(part, l)); continue; }
            var at = l.Say($"{Name(part, l)} line {s.Line}", $"{Name(part, l)} 第 {s.Line} 行");
            if (part == ReadmePart.QuickStart && s.CommandLine is null)
            {
                missing.Add(l.Say($"a runnable command block under {Name(part, l)} (line {s.Line})",
                    $"{Name(part, l)}（第 {s.Line} 行）下可运行的命令代码块"));
                continue;
            }
            if (s.CommandLine is { } c) at += l.Say($" (command block line {c})", $"（命令代码块第 {c} 行）");
            found.Add(at);
        }
        var evidence = readme.Path + ": " + (found.Count > 0 ? string.Join(", ", found) : l.Say("none of the four parts", "四个部分都没有"));
        if (missing.Count > 0) evidence += l.Say("; missing: ", "；缺少：") + string.Join(", ", missing);
        return AuditWeights.Check(id, missing.Count == 0, evidence,
            l.Say("add the missing sections: " + string.Join(", ", missing), "补上缺少的部分：" + string.Join("、", missing)));
    }

    private static string Name(ReadmePart part, AuditLanguage l) => part switch
    {
        ReadmePart.QuickStart => l.Say("Quick Start", "快速开始"),
        ReadmePart.Architecture => l.Say("Architecture", "架构"),
        ReadmePart.Extensibility => l.Say("Extensibility", "扩展"),
        _ => l.Say("Testing Strategy", "测试策略"),
    };
}
