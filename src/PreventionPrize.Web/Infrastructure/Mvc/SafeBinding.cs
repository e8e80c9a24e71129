using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace PreventionPrize.Web.Infrastructure.Mvc;

/// <summary>
/// Two ways a forged form made MVC answer 500 instead of re-showing the form (found by the hostile-input crawler):
/// a computed read-only sequence (<c>FilledTeamMembers</c>) that the collection binder tried to fill, and a checkbox
/// posted as "maybe", whose kept value the re-rendered checkbox could not read as a boolean.
/// </summary>
public static class SafeBinding
{
    public static void Apply(MvcOptions options)
    {
        options.ModelMetadataDetailsProviders.Add(new ComputedSequencesAreNotBound());
        options.ModelBinderProviders.Insert(0, new BooleanBinderProvider());
    }

    /// <summary>MVC binds a read-only property only by adding to the collection it holds; a computed sequence has none.</summary>
    private sealed class ComputedSequencesAreNotBound : IBindingMetadataProvider
    {
        public void CreateBindingMetadata(BindingMetadataProviderContext context)
        {
            if (context.Key is { MetadataKind: ModelMetadataKind.Property, PropertyInfo: { CanWrite: false } property }
                && property.PropertyType != typeof(string)
                && typeof(System.Collections.IEnumerable).IsAssignableFrom(property.PropertyType)
                && !property.PropertyType.GetInterfaces().Append(property.PropertyType).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollection<>)))
                context.BindingMetadata.IsBindingAllowed = false;
        }
    }

    private sealed class BooleanBinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
            context.Metadata.UnderlyingOrModelType == typeof(bool)
                ? new BooleanBinder(new SimpleTypeModelBinder(context.Metadata.ModelType, context.Services.GetRequiredService<ILoggerFactory>()))
                : null;
    }

    /// <summary>A value that is not a boolean stays an error, but is not kept for re-display: a checkbox cannot show it.</summary>
    private sealed class BooleanBinder(IModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext context)
        {
            await inner.BindModelAsync(context);
            if (!context.Result.IsModelSet && context.ModelState.TryGetValue(context.ModelName, out var entry) && entry.Errors.Count > 0)
                context.ModelState.SetModelValue(context.ModelName, rawValue: null, attemptedValue: null);
        }
    }
}
