namespace Jiedan.Web.Deals;

public static class DealsServices
{
    /// <summary>Web-side services of the deals, pipeline and rates slices (their data services come from AddJiedanData).</summary>
    public static IServiceCollection AddDeals(this IServiceCollection services) => services.AddScoped<DealMoveForm>();
}
