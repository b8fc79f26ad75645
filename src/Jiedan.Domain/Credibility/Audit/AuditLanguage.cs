namespace Jiedan.Domain.Credibility.Audit;

/// <summary>The language of the audit's evidence and fixes.</summary>
public enum AuditLanguage { En, Zh }

public static class AuditLanguages
{
    /// <summary>"zh" or "en" (anything else is English).</summary>
    public static AuditLanguage Parse(string? code) =>
        string.Equals(code, "zh", StringComparison.OrdinalIgnoreCase) ? AuditLanguage.Zh : AuditLanguage.En;

    public static string Say(this AuditLanguage language, string en, string zh) => language == AuditLanguage.Zh ? zh : en;
}
