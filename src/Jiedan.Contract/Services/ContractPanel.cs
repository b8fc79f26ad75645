using Jiedan.Deals.Pages;

namespace Jiedan.Contract.Services;

/// <summary>The deal page's contract section: the latest requirement version, if any, and a link to the contract page.</summary>
public sealed class ContractPanel(RequirementStore store) : IDealPanel
{
    public string TitleKey => "contract.panel.title";
    public string PartialName => "/Pages/Contract/_ContractPanel.cshtml";

    public async Task<object?> LoadAsync(long dealId, CancellationToken ct) =>
        new ContractPanelModel(dealId, await store.LatestAsync(dealId, ct));
}

public sealed record ContractPanelModel(long DealId, RequirementVersion? Latest);
