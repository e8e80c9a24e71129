// Passkeys (WebAuthn). The server makes the options and checks the answer; this script only carries them between the
// server and the browser's authenticator, then posts the answer with its form. It keeps no state: the challenge lives
// in a protected cookie the server set with the options.
//
// A form opts in with data-passkey="create" (a new passkey) or "get" (sign in, confirm it is you) and
// data-options-url; it starts hidden and is shown only where the browser can do WebAuthn.
(function () {
  'use strict';

  var supported = !!(window.PublicKeyCredential && navigator.credentials && window.fetch);

  function toBytes(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    var text = atob(base64 + '==='.slice((base64.length + 3) % 4));
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer), text = '';
    for (var i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function withBytes(list) {
    return (list || []).map(function (c) { return Object.assign({}, c, { id: toBytes(c.id) }); });
  }

  // The options arrive in WebAuthn's JSON form (binary fields as base64url); the browser API wants bytes.
  function creationOptions(json) {
    return Object.assign({}, json, {
      challenge: toBytes(json.challenge),
      user: Object.assign({}, json.user, { id: toBytes(json.user.id) }),
      excludeCredentials: withBytes(json.excludeCredentials)
    });
  }

  function requestOptions(json) {
    return Object.assign({}, json, { challenge: toBytes(json.challenge), allowCredentials: withBytes(json.allowCredentials) });
  }

  // The answer in WebAuthn's JSON form, built by hand where the browser has no toJSON().
  function answer(credential) {
    if (typeof credential.toJSON === 'function') return credential.toJSON();
    var r = credential.response, response = { clientDataJSON: toBase64url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = toBase64url(r.attestationObject);
      response.transports = typeof r.getTransports === 'function' ? r.getTransports() : [];
    } else {
      response.authenticatorData = toBase64url(r.authenticatorData);
      response.signature = toBase64url(r.signature);
      if (r.userHandle) response.userHandle = toBase64url(r.userHandle);
    }
    return {
      id: credential.id, rawId: toBase64url(credential.rawId), type: credential.type, response: response,
      authenticatorAttachment: credential.authenticatorAttachment || null,
      clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {}
    };
  }

  function start(form) {
    var button = form.querySelector('button[type="submit"]');
    var status = form.querySelector('.passkey-status');
    var ceremony = form.getAttribute('data-passkey');
    form.hidden = false;
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      button.disabled = true;
      status.textContent = form.getAttribute('data-msg-waiting');
      var token = form.querySelector('input[name="__RequestVerificationToken"]').value;
      fetch(form.getAttribute('data-options-url'), { method: 'POST', credentials: 'same-origin', headers: { RequestVerificationToken: token } })
        .then(function (response) {
          // Not JSON: the server sent a page instead (confirm your password first); go there.
          if (response.redirected && !/json/.test(response.headers.get('Content-Type') || '')) {
            window.location.assign(response.url);
            return null;
          }
          if (!response.ok) throw new Error('options ' + response.status);
          return response.json();
        })
        .then(function (options) {
          if (!options) return null;
          return ceremony === 'create'
            ? navigator.credentials.create({ publicKey: creationOptions(options) })
            : navigator.credentials.get({ publicKey: requestOptions(options) });
        })
        .then(function (credential) {
          if (!credential) return;
          form.querySelector('input[name="CredentialJson"]').value = JSON.stringify(answer(credential));
          form.submit();
        })
        .catch(function (error) {
          // NotAllowedError: the person closed the dialog, or the time ran out. Either way they can try again.
          status.textContent = form.getAttribute(error && error.name === 'NotAllowedError' ? 'data-msg-cancelled' : 'data-msg-failed');
          button.disabled = false;
        });
    });
  }

  document.querySelectorAll('form[data-passkey]').forEach(function (form) {
    if (supported) start(form);
  });
  document.querySelectorAll('[data-passkey-unsupported]').forEach(function (note) { note.hidden = supported; });
})();
