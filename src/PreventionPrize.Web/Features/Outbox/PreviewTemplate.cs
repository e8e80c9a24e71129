using Mediator;
using PreventionPrize.Web.Infrastructure.Email.Templates;
using PreventionPrize.Web.Infrastructure.Localization;
using PreventionPrize.Web.Infrastructure.Mvc;

namespace PreventionPrize.Web.Features.Outbox;

public static class PreviewTemplate
{
    public sealed record Query(string? Kind, string? Language) : IQuery<Model>;

    public sealed record Model(IReadOnlyList<string> Kinds, string Kind, string Language, RenderedMail? Mail);

    /// <summary>Any template of the catalogue, in either language, rendered exactly as the outbox would with sample data.</summary>
    public sealed class Handler(MailRenderer renderer, TimeProvider clock) : IQueryHandler<Query, Model>
    {
        public ValueTask<Model> Handle(Query query, CancellationToken ct)
        {
            var language = Cultures.IsSupported(query.Language) ? query.Language! : Cultures.Current;
            var kind = string.IsNullOrEmpty(query.Kind) ? MailSamples.Kinds[0] : query.Kind;
            var sample = MailSamples.Find(kind, language, clock.GetUtcNow().UtcDateTime) ?? throw new NotFoundException();
            return ValueTask.FromResult(new Model(MailSamples.Kinds, kind, language, renderer.Render(sample, language)));
        }
    }
}
