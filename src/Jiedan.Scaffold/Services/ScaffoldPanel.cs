using Jiedan.Contract.Services;
using Jiedan.Deals.Pages;

namespace Jiedan.Scaffold.Services;

/// <summary>The deal page's scaffold section: a form that downloads the Go project of the latest requirement as a zip.</summary>
public sealed class ScaffoldPanel(RequirementStore store) : IDealPanel
{
    public string TitleKey => "scaffold.panel.title";
    public string PartialName => "/Pages/Scaffold/_ScaffoldPanel.cshtml";

    public async Task<object?> LoadAsync(long dealId, CancellationToken ct) =>
        new ScaffoldPanelModel(dealId, await store.LatestAsync(dealId, ct));
}

public sealed record ScaffoldPanelModel(long DealId, RequirementVersion? Latest);
