namespace Jiedan.Domain.Credibility.Audit;

/// <summary>A LICENSE (or LICENSE.md, COPYING) whose text is a license with an SPDX id.</summary>
public static class LicenseCheck
{
    public static CredibilityCheck Evaluate(RepositoryFacts facts, AuditLanguage l)
    {
        const string id = AuditWeights.License;
        var fix = l.Say("add a LICENSE file with the full text of a standard license (e.g. MIT or Apache-2.0)",
            "添加 LICENSE 文件，写入标准许可证全文（如 MIT 或 Apache-2.0）");
        if (facts.License is not { } license)
            return AuditWeights.Check(id, false, l.Say("no LICENSE, LICENSE.md or COPYING at the root",
                "根目录没有 LICENSE、LICENSE.md 或 COPYING"), fix);
        if (license.Text is null) return AuditWeights.Check(id, false, $"{license.Path}: {license.Problem}", fix);
        return LicenseIdentifier.Identify(license.Text) is { } spdx
            ? AuditWeights.Check(id, true, $"{license.Path}: {spdx}", "")
            : AuditWeights.Check(id, false, l.Say($"{license.Path}: not a license text Jiedan recognises", $"{license.Path}：无法识别的许可证文本"),
                fix);
    }
}
