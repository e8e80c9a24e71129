using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace PreventionPrize.Web.Infrastructure.Localization;

/// <summary>Model-binding errors ("'abc' is not a number") in the reader's language instead of MVC's English defaults.</summary>
public sealed class LocalizedBindingMessages(IStringLocalizer<SharedResource> l) : IConfigureOptions<MvcOptions>
{
    public void Configure(MvcOptions options)
    {
        var messages = options.ModelBindingMessageProvider;
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => l["Binding.ValueInvalid", value, field]);
        messages.SetValueIsInvalidAccessor(value => l["Binding.ValueInvalid", value, ""]);
        messages.SetValueMustBeANumberAccessor(field => l["Binding.MustBeNumber", field]);
        messages.SetValueMustNotBeNullAccessor(field => l["Binding.Required", field]);
        messages.SetMissingBindRequiredValueAccessor(field => l["Binding.Required", field]);
        messages.SetMissingKeyOrValueAccessor(() => l["Binding.Required", ""]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => l["Binding.Required", ""]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => l["Binding.ValueInvalid", value, ""]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Binding.ValueInvalid", "", ""]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => l["Binding.MustBeNumber", ""]);
        messages.SetUnknownValueIsInvalidAccessor(field => l["Binding.ValueInvalid", "", field]);
    }
}
