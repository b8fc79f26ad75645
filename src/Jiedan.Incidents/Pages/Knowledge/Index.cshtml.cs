using Jiedan.Incidents.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiedan.Incidents.Pages.Knowledge;

/// <summary>The knowledge base's entries, searchable, each linked to its editor.</summary>
public sealed class KnowledgeIndexModel(KnowledgeEditor editor) : PageModel
{
    public const int PageSize = 200;

    public IReadOnlyList<KnowledgeEditor.EntryRow> Entries { get; private set; } = [];
    public int Total { get; private set; }
    public string? Search { get; private set; }
    [Microsoft.AspNetCore.Mvc.TempData] public string? Message { get; set; }

    public async Task OnGetAsync(string? q, CancellationToken ct)
    {
        Search = q is { Length: > 200 } ? q[..200] : q;
        (Entries, Total) = await editor.ListAsync(Search, PageSize, ct);
    }
}
