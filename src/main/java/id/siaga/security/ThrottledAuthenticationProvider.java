package id.siaga.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The password check of the login form and of HTTP Basic, behind the {@link LoginThrottle}: an attempt the throttle
 * refuses never reaches the password check; a wrong password (or unknown user) counts as a failure, a right one clears
 * the user's count, and one that could not be checked (the user store was unavailable) counts as nothing.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String source = request.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        LoginThrottle.Admission admission = throttle.admit(request.getName(), source);
        if (admission instanceof LoginThrottle.Refused refused) {
            throw new LoginRefusedException(refused);
        }
        LoginThrottle.Admitted attempt = (LoginThrottle.Admitted) admission;
        Authentication done;
        try {
            done = passwords.authenticate(request);
        } catch (InternalAuthenticationServiceException e) {
            throttle.abandoned(attempt);
            throw e;
        } catch (AuthenticationException e) {
            throttle.failed(attempt);
            throw e;
        } catch (RuntimeException | Error e) {
            throttle.abandoned(attempt);
            throw e;
        }
        if (done == null) {
            throttle.abandoned(attempt);
        } else {
            throttle.succeeded(attempt);
        }
        return done;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
