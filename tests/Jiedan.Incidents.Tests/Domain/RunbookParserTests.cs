using Jiedan.Domain.Incidents;

namespace Jiedan.Incidents.Tests.Domain;

/// <summary>Markdown runbooks and YAML records; errors name file and line and never quote the file.</summary>
public class RunbookParserTests
{
    [Fact]
    public void Reads_title_sections_and_front_matter()
    {
        var text = File.ReadAllText(Path.Combine(Corpus.Folder, "runbooks", "kubernetes", "KubeletPlegDurationHigh.md"));

        var entry = RunbookParser.Parse(text, "kubernetes/KubeletPlegDurationHigh.md");

        Assert.Equal("KubeletPlegDurationHigh", entry.Title);
        Assert.Equal(10, entry.Line);
        Assert.Equal(["KubeletPlegRelistSlow"], entry.AlertNames);
        Assert.Equal("kubelet", entry.Matchers["job"]);
        Assert.Equal(("kubelet", "worker node pool", "containerd 1.6.21"), (entry.Component, entry.ConfigurationItem, entry.Patch));
        Assert.StartsWith("The kubelet's Pod Lifecycle Event Generator", entry.Meaning);
        Assert.Contains("crictl ps -a", entry.Diagnosis);
        Assert.Contains("Upgrade containerd", entry.Mitigation);
        Assert.StartsWith("Pin the previous", entry.Rollback);
    }

    [Fact]
    public void Chinese_section_names_are_recognised()
    {
        var entry = RunbookParser.Parse("# 磁盘满\n\n## 含义\n磁盘空间不足\n\n## 诊断\ndf -h\n\n## 处理\n清理日志\n", "a.md");

        Assert.Equal(("磁盘满", "磁盘空间不足", "df -h", "清理日志"), (entry.Title, entry.Meaning, entry.Diagnosis, entry.Mitigation));
    }

    [Theory]
    [InlineData("Just text, no title\n\n## Meaning\nx\n", "r.md:1", "no '# AlertName' title")]
    [InlineData("---\nalerts: [a]\n\n# T\n## Meaning\nx\n", "r.md:1", "never closed")]
    [InlineData("---\ncomponent: [a, b]\n---\n# T\n## Meaning\nx\n", "r.md:2", "single value")]
    [InlineData("---\nok: 1\nx: &anchor SECRET\n---\n# T\n## Meaning\nx\n", "r.md:3", "anchors")]
    [InlineData("\n\n# Title\n\nsome text but no sections\n", "r.md:3", "no Meaning")]
    public void A_malformed_runbook_names_file_and_line(string text, string at, string problem)
    {
        var e = Assert.Throws<IncidentFormatException>(() => RunbookParser.Parse(text, "r.md"));

        Assert.Equal(at, e.Field);
        Assert.Contains(problem, e.Problem);
        Assert.DoesNotContain("SECRET", e.Message);
    }

    [Fact]
    public void Yaml_records_carry_runbooks_and_incidents_with_lines_in_errors()
    {
        var records = KnowledgeRecordsParser.Parse(File.ReadAllText(Path.Combine(Corpus.Folder, "records.yml")), "records.yml");
        Assert.Equal("BackupJobFailed", Assert.Single(records.Entries).Title);
        Assert.Equal("backup CronJob", records.Entries[0].Component);

        var e = Assert.Throws<IncidentFormatException>(() => KnowledgeRecordsParser.Parse(
            "incidents:\n  - alert: X\n    fixed_by: Y\n  - alert: SECRET\n", "i.yml"));
        Assert.Equal("i.yml:4", e.Field);
        Assert.Contains("fixed_by", e.Problem);
        Assert.DoesNotContain("SECRET", e.Message);
    }
}
