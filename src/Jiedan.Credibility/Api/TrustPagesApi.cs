using Jiedan.Credibility.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Jiedan.Credibility.Api;

public sealed record TrustPageDto(string Slug, string Url, string Project, string Title, string? Repository, DateTime UpdatedAtUtc)
{
    public static TrustPageDto From(TrustPageRecord p) => new(p.Slug, "/trust/" + p.Slug, p.Project, p.Title, p.Repository, p.UpdatedAtUtc);
}

/// <summary>The owner's trust pages under <c>/api/v1/trust-pages</c>; the pages themselves are public at <c>/trust/{slug}</c>.</summary>
public static class TrustPagesApi
{
    public static RouteGroupBuilder MapTrustPagesApiV1(this RouteGroupBuilder api)
    {
        var pages = api.MapGroup("/trust-pages").WithTags("Trust pages");
        pages.MapGet("/", List);
        pages.MapPut("/{slug}", Publish);
        pages.MapDelete("/{slug}", Unpublish);
        return pages;
    }

    public static async Task<Ok<List<TrustPageDto>>> List(TrustPageStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(ct)).Select(TrustPageDto.From).ToList());

    public static async Task<Results<Ok<TrustPageDto>, ValidationProblem>> Publish(string slug, TrustPageRequest request,
        TrustPageStore store, CancellationToken ct)
    {
        var (page, errors) = await store.PublishAsync(slug, request, ct);
        return page is null ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(TrustPageDto.From(page));
    }

    public static async Task<Results<NoContent, NotFound>> Unpublish(string slug, TrustPageStore store, CancellationToken ct) =>
        await store.UnpublishAsync(slug, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
}
