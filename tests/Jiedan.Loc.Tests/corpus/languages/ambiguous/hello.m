// Objective-C: a // comment line and #import decide it
#import <Foundation/Foundation.h>

@interface Greeter : NSObject
- (void)greet; /* inline */
@end
