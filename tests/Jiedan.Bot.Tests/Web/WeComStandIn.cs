using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jiedan.Bot.Tests.Web;

/// <summary>A local stand-in for WeCom's <c>cgi-bin/gettoken</c> and <c>cgi-bin/message/send</c>, recording messages.</summary>
public sealed class WeComStandIn : IAsyncDisposable
{
    public const string AccessToken = "ACCESS_TOKEN_1";
    private readonly WebApplication _app;

    public ConcurrentQueue<(string AccessToken, JsonObject Body)> Messages { get; } = new();
    public ConcurrentQueue<(string CorpId, string Secret)> TokenRequests { get; } = new();
    public string BaseUrl { get; }

    private WeComStandIn(WebApplication app)
    {
        _app = app;
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public static async Task<WeComStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        WeComStandIn? self = null;
        app.MapGet("/cgi-bin/gettoken", (string corpid, string corpsecret) =>
        {
            self!.TokenRequests.Enqueue((corpid, corpsecret));
            return Results.Text($$"""{"errcode":0,"errmsg":"ok","access_token":"{{AccessToken}}","expires_in":7200}""", "application/json");
        });
        app.MapPost("/cgi-bin/message/send", async (HttpRequest request) =>
        {
            var body = (JsonObject?)await JsonNode.ParseAsync(request.Body) ?? [];
            self!.Messages.Enqueue((request.Query["access_token"].ToString(), body));
            return Results.Text("""{"errcode":0,"errmsg":"ok"}""", "application/json");
        });
        await app.StartAsync();
        self = new WeComStandIn(app);
        return self;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
