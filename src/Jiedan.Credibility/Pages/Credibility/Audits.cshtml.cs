using Jiedan.Credibility.Api;
using Jiedan.Credibility.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiedan.Credibility.Pages.Credibility;

/// <summary>/audits: stored repository audits, newest first, each check with its evidence and fix.</summary>
public sealed class AuditsModel(AuditStore store) : PageModel
{
    public const int Shown = 20;

    public string? Repository { get; private set; }
    public IReadOnlyList<AuditView> Audits { get; private set; } = [];

    public async Task OnGetAsync(string? repository, CancellationToken ct)
    {
        Repository = string.IsNullOrWhiteSpace(repository) ? null : repository.Trim();
        Audits = (await store.HistoryAsync(Repository, Shown, ct)).Select(AuditView.From).ToList();
    }
}
