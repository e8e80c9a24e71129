using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreventionPrize.Core.Calls;
using PreventionPrize.Web.Features.CallAdmin;

namespace PreventionPrize.IntegrationTests.Calls;

/// <summary>The call slices driven through the mediator (validators and handlers) on the migrated SQLite database.</summary>
public sealed class CallHandlerTests : IClassFixture<PrizeAppFactory>
{
    private readonly PrizeAppFactory _app;

    public CallHandlerTests(PrizeAppFactory app)
    {
        _app = app;
        _app.CreateClient().Dispose(); // builds the host, which migrates the database
    }

    private async Task<T> SendAsync<T>(Func<IMediator, ValueTask<T>> send)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await send(scope.ServiceProvider.GetRequiredService<IMediator>());
    }

    private CreateCall.Command NewCall(string code) => new CreateCall.Command
    {
        Code = code,
        TitleEn = "Prize",
        TitleFr = "Prix",
        OpensAtLocal = new DateTime(2031, 3, 1, 9, 0, 0),
        ClosesAtLocal = new DateTime(2031, 6, 30, 23, 59, 0),
    }.WithDefaults<CreateCall.Command>();

    [Fact]
    public async Task Creating_a_call_stores_a_draft_with_instants_in_UTC_and_lower_case_codes_upper_cased()
    {
        var code = await SendAsync(m => m.Send(NewCall("h-" + Guid.NewGuid().ToString("N")[..6])));

        var call = await _app.WithDbAsync(db => db.Calls.SingleAsync(c => c.Code == code));
        Assert.Equal(code.ToUpperInvariant(), code);
        Assert.Equal(CallStatus.Draft, call.Status);
        Assert.Equal(new DateTime(2031, 3, 1, 8, 0, 0, DateTimeKind.Utc), call.OpensAtUtc); // CET
        Assert.Equal(new DateTime(2031, 6, 30, 21, 59, 0, DateTimeKind.Utc), call.ClosesAtUtc); // CEST
        Assert.Equal(DateTimeKind.Utc, call.ClosesAtUtc.Kind);
    }

    [Fact]
    public async Task A_second_call_with_the_same_code_fails_validation_and_stores_nothing()
    {
        var code = "DUP-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await SendAsync(m => m.Send(NewCall(code)));

        var failure = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(m => m.Send(NewCall(code.ToLowerInvariant()))));

        Assert.Contains(failure.Errors, e => e.PropertyName == "Code" && e.ErrorMessage == "Another call already uses this code.");
        Assert.Equal(1, await _app.WithDbAsync(db => db.Calls.CountAsync(c => c.Code == code)));
    }

    [Fact]
    public async Task An_edit_from_a_stale_version_is_refused_and_changes_nothing()
    {
        var code = await SendAsync(m => m.Send(NewCall("V-" + Guid.NewGuid().ToString("N")[..6])));
        var loaded = await SendAsync(m => m.Send(new EditCall.Query(code)));
        loaded.TitleEn = "Changed once";
        await SendAsync(async m => await m.Send(loaded));

        loaded.TitleEn = "Changed from the stale form";
        var failure = await Assert.ThrowsAsync<ValidationException>(() => SendAsync(async m => await m.Send(loaded)));

        Assert.StartsWith("Someone else changed this call", failure.Errors.Single().ErrorMessage);
        var call = await _app.WithDbAsync(db => db.Calls.SingleAsync(c => c.Code == code));
        Assert.Equal("Changed once", call.TitleEn);
        Assert.Equal(1, call.Version);
    }
}
