using Jiedan.Common.Web;
using Jiedan.Domain.Quote.Spec;
using Jiedan.Quote.Services;
using Jiedan.Reporting.Charts;
using Jiedan.Reporting.Documents;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Jiedan.Quote.Pages.Quote;

/// <summary>The quote builder: a form, recomputed on the server at each submit, with the breakdown, PDF and save.</summary>
public sealed class QuoteBuilderModel(QuoteService quotes, QuoteApiSettings settings, Texts texts) : PageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Client { get; set; }
    [BindProperty] public string Platform { get; set; } = "Upwork";
    [BindProperty] public string Seniority { get; set; } = "Senior";
    [BindProperty] public long? Lines { get; set; } = 12480;
    [BindProperty] public string? Features { get; set; } =
        "Place order: OrderCreated(EI average) → InventoryDeduct(ILF average) → ShipmentScheduled(EO high)\n" +
        "Track order: ShipmentScheduled → TrackingQueried(EQ low) → CarrierFeed(EIF low)";
    [BindProperty] public decimal? P99Ms { get; set; } = 150;
    [BindProperty] public decimal? UptimePercent { get; set; } = 99.95m;
    [BindProperty] public decimal? DebtPercent { get; set; }
    [BindProperty] public decimal WeightSize { get; set; } = 0.30m;
    [BindProperty] public decimal WeightFunctionPoints { get; set; } = 0.45m;
    [BindProperty] public decimal WeightSla { get; set; } = 0.25m;
    [BindProperty] public int ValidityDays { get; set; } = 30;
    [BindProperty(SupportsGet = true)] public long? DealId { get; set; }

    public Dictionary<string, string> Errors { get; } = [];
    public QuoteView? Result { get; private set; }
    public string? ChartSvg { get; private set; }
    public string SpecYaml { get; private set; } = "";
    public long? SavedId { get; private set; }
    public IReadOnlyList<SavedQuote> Recent { get; private set; } = [];

    public const int RecentShown = 20;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await ComputeAsync(ct);
        Recent = await quotes.RecentAsync(RecentShown, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await ComputeAsync(ct);
        Recent = await quotes.RecentAsync(RecentShown, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var prepared = await ComputeAsync(ct);
        if (prepared is null) return Page();
        try
        {
            var view = await quotes.SaveAsync(prepared, DealId, ct);
            if (DealId is { } deal) return Redirect($"/deals/{deal}");
            SavedId = view.Id;
            Result = view;
        }
        catch (QuoteInputException e)
        {
            Errors[nameof(DealId)] = e.Message;
        }
        Recent = await quotes.RecentAsync(RecentShown, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPdfAsync(CancellationToken ct)
    {
        var prepared = await ComputeAsync(ct);
        if (prepared is null) return Page();
        return File(PdfReport.Render(QuoteProposalDocument.Build(prepared.View(dealId: DealId))), "application/pdf", "quote.pdf");
    }

    private async Task<PreparedQuote?> ComputeAsync(CancellationToken ct)
    {
        var form = new QuoteForm
        {
            Title = Title, Client = Client, Platform = Platform, Seniority = Seniority, Lines = Lines, Features = Features,
            P99Ms = P99Ms, UptimePercent = UptimePercent, DebtPercent = DebtPercent,
            WeightSize = WeightSize, WeightFunctionPoints = WeightFunctionPoints, WeightSla = WeightSla, ValidityDays = ValidityDays,
        };
        SpecYaml = form.ToYaml();
        try
        {
            var root = settings.RepositoryRoot;
            var prepared = await quotes.PrepareAsync(SpecYaml, "form", root ?? Directory.GetCurrentDirectory(), root, ct);
            Result = prepared.View(dealId: DealId);
            ChartSvg = ChartRenderer.Svg(new ChartSpec(ChartKind.HorizontalBar, "Hours by layer 各层工时",
                Result.Layers.Select(l => texts[$"quote.layer.{l.Layer}"]).ToList(),
                [new ChartSeries("hours 工时", Result.Layers.Select(l => l.Hours).ToList()),
                    new ChartSeries("weighted 加权", Result.Layers.Select(l => l.WeightedHours).ToList())]),
                720, 260);
            return prepared;
        }
        catch (QuoteSpecException e)
        {
            var field = QuoteForm.FieldFor(e.Field);
            Errors[field.Length > 0 ? field : e.Field] = e.Field.StartsWith("function_points[", StringComparison.Ordinal)
                ? $"{e.Field}: {e.Problem}"
                : e.Problem;
            return null;
        }
    }
}
