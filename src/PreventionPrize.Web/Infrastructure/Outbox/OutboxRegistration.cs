using PreventionPrize.Web.Infrastructure.Email;
using PreventionPrize.Web.Infrastructure.Email.Templates;
using PreventionPrize.Web.Infrastructure.Outbox.Groups;

namespace PreventionPrize.Web.Infrastructure.Outbox;

public static class OutboxRegistration
{
    /// <summary>Templates, the outbox, the transport chosen by <c>Mail:Transport</c>, and the dispatcher unless <c>Mail:Dispatcher:Enabled</c> is false.</summary>
    public static IServiceCollection AddPrizeMail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<MailOptions>(configuration.GetSection("Mail"));
        var mail = configuration.GetSection("Mail").Get<MailOptions>() ?? new MailOptions();
        if (mail.Transport == MailTransportKind.Smtp) services.AddSingleton<IMailTransport, SmtpMailTransport>();
        else services.AddSingleton<IMailTransport, FolderMailTransport>();
        services.AddScoped<MailRenderer>();
        services.AddScoped<MailOutbox>();
        services.AddScoped<AccountMail>();
        services.AddSingleton<RecipientGroups>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxCommitInterceptor>();
        services.AddSingleton<OutboxDispatcher>();
        if (mail.Dispatcher.Enabled) services.AddHostedService<OutboxDispatcherService>();
        return services;
    }
}
